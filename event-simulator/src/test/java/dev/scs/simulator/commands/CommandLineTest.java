package dev.scs.simulator.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.simulator.SimulatorMain;
import dev.scs.stores.commandline.ProjectCommandLine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The command line as ./scs users meet it, for what needs no running store. */
class CommandLineTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... arguments) {
    CommandLine commandLine = ProjectCommandLine.of(new SimulatorMain());
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(arguments);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"seed", "reset", "citizens import", "rules import", "simulate", "produce"})
  void everyCommandExplainsItselfWithHelp(String command) {
    List<String> arguments = new java.util.ArrayList<>(List.of(command.split(" ")));
    arguments.add("--help");

    int exitCode = run(arguments.toArray(String[]::new));

    assertThat(exitCode).isZero();
    assertThat(out.toString()).startsWith("Usage: ./scs " + command);
  }

  @Test
  void simulateToAFileWithAFixedNowIsReproducible(@TempDir Path folder) throws Exception {
    String[] arguments = {
      "simulate",
      "--citizens",
      "500",
      "--backfill",
      "2",
      "--count",
      "3000",
      "--faults",
      "late=0.01,malformed=0.01",
      "--now",
      "2026-03-01T00:00:00Z",
      "--out",
      ""
    };
    arguments[arguments.length - 1] = folder.resolve("first.jsonl").toString();
    assertThat(run(arguments)).isZero();
    arguments[arguments.length - 1] = folder.resolve("second.jsonl").toString();
    assertThat(run(arguments)).isZero();

    List<String> first = Files.readAllLines(folder.resolve("first.jsonl"));
    assertThat(first).hasSize(3000);
    assertThat(Files.readAllLines(folder.resolve("second.jsonl"))).isEqualTo(first);
    assertThat(out.toString())
        .contains("simulate: 3,000 events to file " + folder.resolve("first.jsonl"))
        .contains("faults: late ", "malformed ");
  }

  @Test
  void simulateWithoutACountOrDurationSaysWhatToGiveInOneLine() {
    int exitCode = run("simulate", "--out", "ignored.jsonl");

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString())
        .startsWith("error: simulate failed: give either --count N, or --rate R with --duration D")
        .doesNotContain("Exception", "\tat ");
  }

  @Test
  void anUnknownFaultKindIsReportedInOneLine() {
    int exitCode = run("simulate", "--count", "1", "--faults", "slow=0.1", "--out", "x.jsonl");

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString().lines().findFirst())
        .contains(
            "error: simulate failed: unknown fault kind 'slow'; the kinds are [late,"
                + " duplicate, malformed, schema_violation, unknown_citizen, future]");
  }

  @Test
  void aMistypedOptionIsReportedWithAPointerToHelp() {
    int exitCode = run("simulate", "--cuont", "5");

    assertThat(exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(err.toString().lines().toList())
        .containsExactly("error: Unknown options: '--cuont', '5'", "(see ./scs simulate --help)");
  }

  @Test
  void aMissingFileIsNamed(@TempDir Path folder) {
    Path missing = folder.resolve("citizens.jsonl");

    int exitCode = run("citizens", "import", missing.toString());

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString())
        .startsWith("error: citizens import failed: " + missing + ": no such file");
  }

  @Test
  void resetWithoutATerminalAndWithoutYesRemovesNothing() {
    int exitCode = run("reset");

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString()).contains("run ./scs reset --yes");
  }
}
