package dev.scs.stores.commandline;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure of a command into one line a user can act on ({@code error: seed failed: cannot
 * reach Kafka at ...}), and a mistyped command line into one line and a pointer to {@code --help}.
 * The stack trace goes to standard error only when {@code SCS_DEBUG} is set, because it is for
 * developers, not users. A failure that carries its own exit code ({@link
 * CommandLine.IExitCodeGenerator}, such as {@link BadInputException}) is one the command documents:
 * its message alone is the line, and its code is the exit code. Entry points install it with {@link
 * #installOn(CommandLine)}.
 */
public final class UserFacingErrors
    implements IExecutionExceptionHandler, IParameterExceptionHandler {

  /** Installs both handlers; returns the command line for chaining. */
  public static CommandLine installOn(CommandLine commandLine) {
    UserFacingErrors handler = new UserFacingErrors();
    return commandLine.setExecutionExceptionHandler(handler).setParameterExceptionHandler(handler);
  }

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, ParseResult parseResult) {
    if (exception instanceof CommandLine.IExitCodeGenerator documented) {
      commandLine.getErr().println("error: " + exception.getMessage());
      if (System.getenv("SCS_DEBUG") != null) {
        exception.printStackTrace(commandLine.getErr());
      }
      return documented.getExitCode();
    }
    Throwable cause = exception;
    while (cause.getCause() != null && cause.getMessage() == null) {
      cause = cause.getCause();
    }
    commandLine
        .getErr()
        .printf(
            "error: %s failed: %s%n",
            commandName(commandLine),
            cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
    if (System.getenv("SCS_DEBUG") != null) {
      exception.printStackTrace(commandLine.getErr());
    } else {
      commandLine.getErr().println("(set SCS_DEBUG=1 to see the stack trace)");
    }
    return 1;
  }

  /** The command as typed after the program's name: {@code replay}, {@code citizens import}. */
  private static String commandName(CommandLine commandLine) {
    StringBuilder name = new StringBuilder(commandLine.getCommandName());
    for (CommandLine parent = commandLine.getParent();
        parent != null && parent.getParent() != null;
        parent = parent.getParent()) {
      name.insert(0, parent.getCommandName() + " ");
    }
    return name.toString();
  }

  @Override
  public int handleParseException(ParameterException exception, String[] arguments) {
    CommandLine commandLine = exception.getCommandLine();
    commandLine.getErr().println("error: " + exception.getMessage());
    commandLine
        .getErr()
        .println("(see " + commandLine.getCommandSpec().qualifiedName() + " --help)");
    return CommandLine.ExitCode.USAGE;
  }
}
