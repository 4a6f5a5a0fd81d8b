package dev.scs.batch.replay;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.stores.commandline.ProjectCommandLine;
import dev.scs.testing.ScoringVectors;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad input stops {@code replay} before any work, with the file, rule and field named. */
class ReplayCommandTest {
  @TempDir Path folder;
  private Path events;
  private Path rules;
  private Path config;
  private final StringWriter errors = new StringWriter();

  @BeforeEach
  void writeInputs() throws Exception {
    ScoringVectors.Case vector = ScoringVectors.load("public-1");
    events =
        Files.write(folder.resolve("events.jsonl"), vector.eventLines(), StandardCharsets.UTF_8);
    rules = Files.writeString(folder.resolve("rules.json"), vector.rulesJson());
    config = Files.writeString(folder.resolve("config.json"), vector.configJson());
  }

  private int run(String... arguments) {
    CommandLine command = ProjectCommandLine.of(new ReplayCommand());
    command.setErr(new PrintWriter(errors, true));
    return command.execute(arguments);
  }

  private String[] arguments(Path rulesFile, Path configFile, String asOf) {
    return new String[] {
      "--events", events.toString(),
      "--rules", rulesFile.toString(),
      "--config", configFile.toString(),
      "--as-of", asOf,
      "--out", folder.resolve("scores.jsonl").toString()
    };
  }

  @Test
  void anInvalidRuleSetIsRefusedNamingTheRuleAndTheField() throws Exception {
    Path broken =
        Files.writeString(
            folder.resolve("broken.json"),
            Files.readString(rules).replaceFirst("\"cooldown\": \"P1D\"", "\"cooldown\": \"P1M\""));

    int exitCode = run(arguments(broken, config, "2026-05-01T00:00:00Z"));

    assertThat(exitCode).isEqualTo(2);
    assertThat(errors.toString().lines().toList())
        .singleElement(as(InstanceOfAssertFactories.STRING))
        .startsWith("error: --rules " + broken + ": invalid rule set: ")
        .contains("rule 'b-late'", "field 'cooldown'");
    assertThat(folder.resolve("scores.jsonl")).doesNotExist();
  }

  @Test
  void anInvalidConfigIsRefusedNamingTheField() throws Exception {
    Path broken =
        Files.writeString(
            folder.resolve("config-broken.json"),
            Files.readString(config).replace("\"PT5M\"", "\"five minutes\""));

    assertThat(run(arguments(rules, broken, "2026-05-01T00:00:00Z"))).isEqualTo(2);
    assertThat(errors.toString().lines().toList())
        .singleElement(as(InstanceOfAssertFactories.STRING))
        .startsWith("error: --config " + broken + ": invalid config: field 'max_future_skew'");
  }

  @Test
  void aMalformedAsOfInstantIsRefused() {
    assertThat(run(arguments(rules, config, "yesterday"))).isEqualTo(2);
    assertThat(errors.toString().lines().toList())
        .containsExactly(
            "error: --as-of 'yesterday' is not an RFC 3339 instant such as 2026-03-01T12:00:00Z");
  }

  @Test
  void aMissingEventsFileIsRefused() throws Exception {
    Files.delete(events);

    assertThat(run(arguments(rules, config, "2026-05-01T00:00:00Z"))).isEqualTo(2);
    assertThat(errors.toString().lines().toList())
        .containsExactly("error: --events " + events + ": no such file");
  }
}
