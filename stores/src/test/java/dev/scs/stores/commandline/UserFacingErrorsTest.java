package dev.scs.stores.commandline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** What a user sees when a command fails or is mistyped: one line, and a documented exit code. */
class UserFacingErrorsTest {
  private final StringWriter err = new StringWriter();

  @Command(name = "import")
  static final class Import implements Callable<Integer> {
    @Option(names = "--as-of")
    String asOf;

    @Option(names = "--fail-with")
    String failure;

    @Override
    public Integer call() {
      if (asOf != null) {
        throw new BadInputException("--as-of '" + asOf + "' is not an RFC 3339 instant");
      }
      if (failure != null) {
        throw new IllegalStateException(
            "the store is unreachable", new java.io.IOException(failure));
      }
      throw new IllegalStateException(null, new java.io.IOException("connection refused"));
    }
  }

  @Command(name = "citizens", subcommands = Import.class)
  static final class Citizens implements Runnable {
    @Override
    public void run() {}
  }

  @Command(name = "tool", subcommands = Citizens.class)
  static final class Tool implements Runnable {
    @Override
    public void run() {}
  }

  private int run(String... arguments) {
    CommandLine commandLine = ProjectCommandLine.of(new Tool());
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(arguments);
  }

  @Test
  void badInputIsOneLineAndExitsTwo() {
    int exitCode = run("citizens", "import", "--as-of", "yesterday");

    assertThat(exitCode).isEqualTo(BadInputException.EXIT_CODE).isEqualTo(2);
    assertThat(err.toString().lines().toList())
        .containsExactly("error: --as-of 'yesterday' is not an RFC 3339 instant");
  }

  @Test
  void aFailureNamesTheCommandAsTypedAndItsMessageAndExitsOne() {
    int exitCode = run("citizens", "import", "--fail-with", "timeout");

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString().lines().toList())
        .containsExactly(
            "error: citizens import failed: the store is unreachable",
            "(set SCS_DEBUG=1 to see the stack trace)");
  }

  @Test
  void aFailureWithoutAMessageIsExplainedByTheFirstCauseThatHasOne() {
    int exitCode = run("citizens", "import");

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString()).startsWith("error: citizens import failed: connection refused");
  }

  @Test
  void aMistypedOptionIsOneLineWithAPointerToHelpAndExitsTwo() {
    int exitCode = run("citizens", "import", "--asof", "x");

    assertThat(exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(err.toString().lines().toList())
        .containsExactly(
            "error: Unknown options: '--asof', 'x'", "(see tool citizens import --help)");
  }
}
