package dev.scs.stores.commandline;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * The rules every command's {@code --help} follows, checked by each module's tests over all its
 * commands ({@link ProjectCommandLine#commandPaths}): it exits 0 and prints to standard output; no
 * line is wider than {@value ProjectCommandLine#USAGE_WIDTH} columns; each line of the command's
 * description is printed whole (the descriptions are written line by line, so a line broken in two
 * means the width was lost); and the one line that sums a subcommand up in its parent's list of
 * commands (its header, else its first description line) is a whole sentence.
 */
public final class UsageHelpRules {
  private UsageHelpRules() {}

  /**
   * What {@code PATH --help} breaks of these rules, one message each; empty when it breaks none.
   *
   * @param newCommandLine builds the program's command line, as its {@code main} does
   * @param path the arguments that select the command, {@code []} for the program itself
   */
  public static List<String> violations(Supplier<CommandLine> newCommandLine, List<String> path) {
    List<String> violations = new ArrayList<>();
    CommandLine root = newCommandLine.get();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    root.setOut(new PrintWriter(out, true));
    root.setErr(new PrintWriter(err, true));
    List<String> arguments = new ArrayList<>(path);
    arguments.add("--help");
    int exitCode = root.execute(arguments.toArray(String[]::new));
    String help = out.toString();
    if (exitCode != 0 || !err.toString().isEmpty()) {
      // the other rules are about a help text that this run did not print
      return List.of(
          "exits "
              + exitCode
              + " with '"
              + String.join(" / ", err.toString().strip().lines().toList())
              + "'");
    }
    CommandLine command = root;
    for (String name : path) {
      command = command.getSubcommands().get(name);
    }
    if (!help.contains("Usage: " + command.getCommandSpec().qualifiedName())) {
      violations.add("prints no usage line for " + command.getCommandSpec().qualifiedName());
    }
    help.lines()
        .filter(line -> line.length() > ProjectCommandLine.USAGE_WIDTH)
        .forEach(line -> violations.add("a line of " + line.length() + " columns: " + line));
    for (String line : command.getCommandSpec().usageMessage().description()) {
      if (isPlainText(line) && !help.contains(line)) {
        violations.add("breaks the description line: " + line);
      }
    }
    if (command.getParent() != null) {
      String summary = summary(command);
      if (!summary.endsWith(".")) {
        violations.add("is summed up by half a sentence in the list of commands: " + summary);
      } else if (isPlainText(summary) && !command.getParent().getUsageMessage().contains(summary)) {
        violations.add("is summed up by a broken line in the list of commands: " + summary);
      }
    }
    return violations;
  }

  /** The line picocli lists a subcommand with in its parent's usage help. */
  private static String summary(CommandLine command) {
    CommandLine.Model.UsageMessageSpec usage = command.getCommandSpec().usageMessage();
    String[] lines = usage.header().length > 0 ? usage.header() : usage.description();
    return lines.length == 0 ? "" : lines[0];
  }

  /** A line printed as written: without picocli's format specifiers, variables or markup. */
  private static boolean isPlainText(String line) {
    return !line.contains("%") && !line.contains("${") && !line.contains("@|");
  }
}
