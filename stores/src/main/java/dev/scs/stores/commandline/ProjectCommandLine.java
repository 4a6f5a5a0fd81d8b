package dev.scs.stores.commandline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The command line every entry point of the project builds: user-facing errors ({@link
 * UserFacingErrors}) and usage help 100 columns wide, because the commands' descriptions are
 * written as lines of up to 100 columns and picocli's default of 80 would break each of them in the
 * middle of a sentence. {@code --version} prints the runnable jar's name and version (from its
 * manifest), or says the classes do not come from a jar.
 */
public final class ProjectCommandLine {
  public static final int USAGE_WIDTH = 100;

  private ProjectCommandLine() {}

  public static CommandLine of(Object command) {
    CommandLine line =
        UserFacingErrors.installOn(new CommandLine(command)).setUsageHelpWidth(USAGE_WIDTH);
    String version = versionOf(command.getClass());
    setVersionWhereMissing(line, version);
    return line;
  }

  /** {@code scs-batch-layer 0.1.0-SNAPSHOT}, from the manifest of the jar holding the class. */
  static String versionOf(Class<?> type) {
    Package where = type.getPackage();
    String title = where == null ? null : where.getImplementationTitle();
    String version = where == null ? null : where.getImplementationVersion();
    if (title == null || version == null) {
      return "development build (classes not run from a project jar)";
    }
    return title + " " + version;
  }

  private static void setVersionWhereMissing(CommandLine command, String version) {
    if (command.getCommandSpec().version().length == 0) {
      command.getCommandSpec().version(version);
    }
    for (CommandLine subcommand : command.getSubcommands().values()) {
      setVersionWhereMissing(subcommand, version);
    }
  }

  /**
   * Every command of the tree under {@code root}, as the arguments that select it: {@code []} for
   * the root itself, then e.g. {@code [citizens]}, {@code [citizens, import]}, depth first in
   * declaration order; so that a test can run each with {@code --help} and none is forgotten.
   */
  public static List<List<String>> commandPaths(CommandLine root) {
    List<List<String>> paths = new ArrayList<>();
    addPaths(root, List.of(), paths);
    return paths;
  }

  private static void addPaths(CommandLine command, List<String> path, List<List<String>> paths) {
    paths.add(path);
    for (Map.Entry<String, CommandLine> subcommand : command.getSubcommands().entrySet()) {
      // an alias maps to the same command line as the name: list each command once, by its name
      if (subcommand.getKey().equals(subcommand.getValue().getCommandName())) {
        List<String> subPath = new ArrayList<>(path);
        subPath.add(subcommand.getKey());
        addPaths(subcommand.getValue(), List.copyOf(subPath), paths);
      }
    }
  }
}
