package dev.scs.simulator;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Entry point: produces synthetic citizen events to the Kafka API. */
@Command(
    name = "event-simulator",
    mixinStandardHelpOptions = true,
    description = "Produces synthetic citizen events as JSON, keyed by citizen id.",
    subcommands = {SimulatorMain.Simulate.class, SimulatorMain.ShowConfig.class})
public final class SimulatorMain implements Callable<Integer> {

  @Spec private CommandSpec spec;

  public static void main(String[] arguments) {
    System.exit(new CommandLine(new SimulatorMain()).execute(arguments));
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(System.err);
    return CommandLine.ExitCode.USAGE;
  }

  @Command(
      name = "simulate",
      description = "Produce events for a synthetic population (not implemented yet).")
  static final class Simulate implements Callable<Integer> {
    @Override
    public Integer call() {
      System.err.println(
          "event-simulator simulate is not implemented yet: the population model is still to be"
              + " written.");
      return CommandLine.ExitCode.SOFTWARE;
    }
  }

  @Command(
      name = "config",
      description = "Print the settings in effect (defaults overridden by -Dkey=value).")
  static final class ShowConfig implements Callable<Integer> {
    @Override
    public Integer call() {
      SimulatorConfig.fromSystemProperties()
          .asMap()
          .forEach((key, value) -> System.out.println(key + "=" + value));
      return CommandLine.ExitCode.OK;
    }
  }
}
