package dev.scs.batch.cli;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.batch.recompute.ScoringInputs;
import dev.scs.scoring.rules.RuleSetParser;
import dev.scs.stores.commandline.ProjectCommandLine;
import dev.scs.testing.ScoringVectors;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The rule set, config and instant options as replay and what-if read them: parsed when valid,
 * refused in one line with exit code 2 otherwise, before the command does anything.
 */
class ScoringInputsOptionsTest {
  @TempDir Path folder;
  private Path rules;
  private Path config;
  private final StringWriter errors = new StringWriter();
  private final ScoringCommand command = new ScoringCommand();

  /** A command as replay declares its inputs: the mixin, a config file and an instant. */
  @Command(name = "score")
  static final class ScoringCommand implements Callable<Integer> {
    @Mixin ScoringInputsOptions inputs;

    @Option(names = "--config")
    Path config;

    @Option(names = "--as-of")
    String asOf;

    String rulesJson;
    ScoringInputs parsed;
    Long instant;

    @Override
    public Integer call() {
      rulesJson = inputs.rulesJson();
      if (config != null) {
        parsed = inputs.withConfigFile(config, "--config");
      }
      if (asOf != null) {
        instant = OptionValues.instant(asOf, "--as-of");
      }
      return 0;
    }
  }

  @BeforeEach
  void writeInputs() throws Exception {
    ScoringVectors.Case vector = ScoringVectors.load("public-1");
    rules = Files.writeString(folder.resolve("rules.json"), vector.rulesJson());
    config = Files.writeString(folder.resolve("config.json"), vector.configJson());
  }

  private int run(String... arguments) {
    CommandLine commandLine = ProjectCommandLine.of(command);
    commandLine.setErr(new PrintWriter(errors, true));
    return commandLine.execute(arguments);
  }

  private String oneErrorLine() {
    return assertThat(errors.toString().lines().toList())
        .singleElement(as(InstanceOfAssertFactories.STRING))
        .startsWith("error: ")
        .actual();
  }

  @Test
  void validRulesConfigAndInstantAreParsed() throws Exception {
    int exitCode =
        run(
            "--rules", rules.toString(),
            "--config", config.toString(),
            "--as-of", "2026-05-01T02:00:00.1234+02:00");

    assertThat(exitCode).isZero();
    assertThat(errors.toString()).isEmpty();
    assertThat(command.rulesJson).isEqualTo(Files.readString(rules));
    assertThat(command.parsed.rules().size())
        .isEqualTo(RuleSetParser.parse(Files.readString(rules)).size())
        .isPositive();
    assertThat(command.instant).isEqualTo(Instant.parse("2026-05-01T00:00:00.123Z").toEpochMilli());
  }

  @Test
  void rulesAreRequired() {
    assertThat(run("--config", config.toString())).isEqualTo(2);
    assertThat(errors.toString())
        .startsWith("error: Missing required option: '--rules=RULES.json'");
    assertThat(command.rulesJson).isNull();
  }

  @Test
  void aRuleSetWithOneInvalidVersionIsRefusedWholeNamingTheRuleAndTheField() throws Exception {
    Path broken =
        Files.writeString(
            folder.resolve("broken.json"),
            Files.readString(rules).replaceFirst("\"cooldown\": \"P1D\"", "\"cooldown\": \"P1M\""));

    int exitCode = run("--rules", broken.toString(), "--config", config.toString());

    assertThat(exitCode).isEqualTo(2);
    assertThat(oneErrorLine())
        .startsWith("error: --rules " + broken + ": invalid rule set: ")
        .contains("rule 'b-late'", "field 'cooldown'");
    assertThat(command.rulesJson).isNull();
    assertThat(command.parsed).isNull();
  }

  @Test
  void aRulesFileThatIsNotAJsonArrayIsRefused() throws Exception {
    Path notAnArray = Files.writeString(folder.resolve("object.json"), "{\"rule_id\": \"a\"}");

    assertThat(run("--rules", notAnArray.toString())).isEqualTo(2);
    assertThat(oneErrorLine()).startsWith("error: --rules " + notAnArray + ": invalid rule set");
  }

  @Test
  void aMissingRulesFileIsNamed() {
    Path missing = folder.resolve("missing.json");

    assertThat(run("--rules", missing.toString())).isEqualTo(2);
    assertThat(oneErrorLine()).isEqualTo("error: --rules " + missing + ": no such file");
  }

  @Test
  void anInvalidConfigIsRefusedNamingTheField() throws Exception {
    Path broken =
        Files.writeString(
            folder.resolve("config-broken.json"),
            Files.readString(config).replace("\"PT5M\"", "\"five minutes\""));

    assertThat(run("--rules", rules.toString(), "--config", broken.toString())).isEqualTo(2);
    assertThat(oneErrorLine())
        .startsWith("error: --config " + broken + ": invalid config: field 'max_future_skew'");
    assertThat(command.parsed).isNull();
  }

  @Test
  void aMalformedInstantIsOneLineAndExitCodeTwo() {
    assertThat(run("--rules", rules.toString(), "--as-of", "2026-05-01")).isEqualTo(2);
    assertThat(oneErrorLine())
        .isEqualTo(
            "error: --as-of '2026-05-01' is not an RFC 3339 instant such as 2026-03-01T12:00:00Z");
    assertThat(command.instant).isNull();
  }

  @Test
  void anInstantWithoutAnOffsetIsRefused() {
    assertThat(run("--rules", rules.toString(), "--as-of", "2026-05-01T00:00:00")).isEqualTo(2);
    assertThat(oneErrorLine()).startsWith("error: --as-of '2026-05-01T00:00:00' is not");
  }
}
