package dev.scs.stores.commandline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The command line every entry point of the project builds: user-facing errors ({@link
 * UserFacingErrors}) and usage help 100 columns wide, because the commands' descriptions are
 * written as lines of up to 100 columns and picocli's default of 80 would break each of them in the
 * middle of a sentence.
 */
public final class ProjectCommandLine {
  public static final int USAGE_WIDTH = 100;

  private ProjectCommandLine() {}

  public static CommandLine of(Object command) {
    return UserFacingErrors.installOn(new CommandLine(command)).setUsageHelpWidth(USAGE_WIDTH);
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
