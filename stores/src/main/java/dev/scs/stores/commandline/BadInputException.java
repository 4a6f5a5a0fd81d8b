package dev.scs.stores.commandline;

import picocli.CommandLine;

/**
 * Input a command refuses before doing any work: a malformed instant, a missing file, an invalid
 * rule set. {@link UserFacingErrors} prints its message as one line, {@code error: MESSAGE}, and
 * the command exits {@value #EXIT_CODE}, like a mistyped option: the input is wrong, not the
 * program, so there is no stack trace to offer.
 */
public final class BadInputException extends RuntimeException
    implements CommandLine.IExitCodeGenerator {
  private static final long serialVersionUID = 1L;

  /** The exit code of bad input, the same as picocli's for a mistyped command line. */
  public static final int EXIT_CODE = CommandLine.ExitCode.USAGE;

  public BadInputException(String message) {
    super(message);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int getExitCode() {
    return EXIT_CODE;
  }
}
