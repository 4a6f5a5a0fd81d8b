package dev.scs.simulator;

import dev.scs.simulator.commands.CitizensCommand;
import dev.scs.simulator.commands.ProduceCommand;
import dev.scs.simulator.commands.ResetCommand;
import dev.scs.simulator.commands.RulesCommand;
import dev.scs.simulator.commands.SeedCommand;
import dev.scs.simulator.commands.ShowConfigCommand;
import dev.scs.simulator.commands.SimulateCommand;
import dev.scs.stores.commandline.ProjectCommandLine;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Entry point of the runnable jar, behind {@code ./scs seed|reset|citizens|rules|simulate|produce}
 * (stack/java-command.sh); named {@code ./scs} so that usage lines read as the user types them.
 */
@Command(
    name = "./scs",
    mixinStandardHelpOptions = true,
    description = "A synthetic world: seeds the stores, imports citizens and rules, makes events.",
    subcommands = {
      SeedCommand.class,
      ResetCommand.class,
      CitizensCommand.class,
      RulesCommand.class,
      SimulateCommand.class,
      ProduceCommand.class,
      ShowConfigCommand.class
    })
public final class SimulatorMain implements Callable<Integer> {

  @Spec private CommandSpec spec;

  public static void main(String[] arguments) {
    System.exit(ProjectCommandLine.of(new SimulatorMain()).execute(arguments));
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(System.err);
    return CommandLine.ExitCode.USAGE;
  }
}
