package dev.scs.stores.commandline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
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

  @Command(name = "import", aliases = "load")
  static final class Import implements Runnable {
    @Override
    public void run() {}
  }

  @Command(name = "citizens", subcommands = Import.class)
  static final class Citizens implements Runnable {
    @Override
    public void run() {}
  }

  @Command(
      name = "tool",
      mixinStandardHelpOptions = true,
      subcommands = {Citizens.class, Example.class})
  static final class Tool implements Runnable {
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
  void subcommandsGetTheSameWidthAsTheRoot() {
    CommandLine tool = ProjectCommandLine.of(new Tool());

    assertThat(tool.getSubcommands().get("example").getUsageHelpWidth())
        .isEqualTo(ProjectCommandLine.USAGE_WIDTH);
    assertThat(
            tool.getSubcommands()
                .get("citizens")
                .getSubcommands()
                .get("import")
                .getUsageHelpWidth())
        .isEqualTo(ProjectCommandLine.USAGE_WIDTH);
  }

  @Test
  void versionSaysWhereTheClassesComeFromOnEveryCommandWithoutOne() {
    CommandLine line = ProjectCommandLine.of(new Tool());
    StringWriter out = new StringWriter();
    line.setOut(new PrintWriter(out));

    int exitCode = line.execute("--version");

    // Test classes come from a folder, not a project jar: no manifest names a version.
    assertThat(exitCode).isZero();
    assertThat(out.toString().strip())
        .isEqualTo("development build (classes not run from a project jar)");
    assertThat(line.getSubcommands().get("citizens").getCommandSpec().version())
        .containsExactly("development build (classes not run from a project jar)");
  }

  @Test
  void aJarsManifestNamesTheVersion() {
    // picocli's own jar carries Implementation-Title and -Version in its manifest.
    assertThat(ProjectCommandLine.versionOf(CommandLine.class))
        .isEqualTo(
            CommandLine.class.getPackage().getImplementationTitle() + " " + CommandLine.VERSION);
  }

  @Test
  void failuresAreTurnedIntoUserFacingErrors() {
    CommandLine commandLine = ProjectCommandLine.of(new Example());

    assertThat(commandLine.getExecutionExceptionHandler()).isInstanceOf(UserFacingErrors.class);
    assertThat(commandLine.getParameterExceptionHandler()).isInstanceOf(UserFacingErrors.class);
  }

  @Test
  void commandPathsListEveryCommandOnceDepthFirstWithoutAliases() {
    CommandLine tool = ProjectCommandLine.of(new Tool());

    assertThat(ProjectCommandLine.commandPaths(tool))
        .containsExactly(
            List.of(), List.of("citizens"), List.of("citizens", "import"), List.of("example"));
  }
}
