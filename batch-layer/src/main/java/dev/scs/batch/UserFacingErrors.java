package dev.scs.batch;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure of a command into one line a user can act on. The stack trace goes to standard
 * error only when {@code SCS_DEBUG} is set, because it is for developers, not users.
 */
final class UserFacingErrors implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, ParseResult parseResult) {
    Throwable cause = exception;
    while (cause.getCause() != null && cause.getMessage() == null) {
      cause = cause.getCause();
    }
    commandLine
        .getErr()
        .printf(
            "error: %s failed: %s%n",
            commandLine.getCommandName(),
            cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
    if (System.getenv("SCS_DEBUG") != null) {
      exception.printStackTrace(commandLine.getErr());
    } else {
      commandLine.getErr().println("(set SCS_DEBUG=1 to see the stack trace)");
    }
    return 1;
  }
}
