package dev.scs.stores.commandline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class ProjectCommandLineTest {
  private static final String LONG_LINE =
      "A description line of ninety-odd columns, as the project's commands write them, is kept.";

  @Command(name = "example", description = LONG_LINE)
  static final class Example implements Runnable {
    @Override
    public void run() {}
  }

  @Test
  void usageHelpKeepsADescriptionLineOfUpToAHundredColumnsWhole() {
    CommandLine commandLine = ProjectCommandLine.of(new Example());
    StringWriter usage = new StringWriter();

    commandLine.usage(new PrintWriter(usage));

    assertThat(usage.toString()).contains(LONG_LINE);
  }

  @Test
  void failuresAreTurnedIntoUserFacingErrors() {
    CommandLine commandLine = ProjectCommandLine.of(new Example());

    assertThat(commandLine.getExecutionExceptionHandler()).isInstanceOf(UserFacingErrors.class);
    assertThat(commandLine.getParameterExceptionHandler()).isInstanceOf(UserFacingErrors.class);
  }
}
