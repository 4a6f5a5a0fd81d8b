package dev.scs.batch.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.batch.BatchLayerMain;
import dev.scs.testing.ScoringVectors;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code batch-layer what-if} refuses a bad rule set or instant before it opens any store. */
class WhatIfCommandTest {
  @TempDir Path folder;
  private final StringWriter err = new StringWriter();

  private int run(String... arguments) {
    CommandLine commandLine = BatchLayerMain.commandLine();
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(arguments);
  }

  @Test
  void anInvalidRuleSetIsRefusedWholeInOneLineNamingTheRuleAndTheField() throws Exception {
    Path broken =
        Files.writeString(
            folder.resolve("alt.json"),
            ScoringVectors.load("public-1")
                .rulesJson()
                .replaceFirst("\"cooldown\": \"P1D\"", "\"cooldown\": \"P1M\""));

    int exitCode = run("what-if", "--rules", broken.toString());

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString().lines().toList()).hasSize(1);
    assertThat(err.toString())
        .startsWith("error: --rules " + broken + ": invalid rule set: ")
        .contains("rule 'b-late'", "field 'cooldown'");
  }

  @Test
  void aMalformedWatermarkIsOneLineAndExitCodeTwo() throws Exception {
    Path rules =
        Files.writeString(folder.resolve("alt.json"), ScoringVectors.load("public-1").rulesJson());

    int exitCode =
        run("what-if", "--rules", rules.toString(), "--watermark", "2026-13-01T00:00:00Z");

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString().lines().toList())
        .containsExactly(
            "error: --watermark '2026-13-01T00:00:00Z' is not an RFC 3339 instant such as"
                + " 2026-03-01T12:00:00Z");
  }
}
