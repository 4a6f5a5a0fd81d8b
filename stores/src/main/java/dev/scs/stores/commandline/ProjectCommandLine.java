package dev.scs.stores.commandline;

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
}
