package dev.scs.simulator.commands;

import dev.scs.simulator.SimulatorConfig;
import dev.scs.stores.StoreSettings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Print the settings in effect (defaults overridden by -Dkey=value).")
public final class ShowConfigCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    SimulatorConfig config = SimulatorConfig.fromSystemProperties();
    config.asMap().forEach((key, value) -> spec.commandLine().getOut().println(key + "=" + value));
    config
        .stores()
        .asMap()
        .forEach(
            (key, value) ->
                spec.commandLine()
                    .getOut()
                    .println(key + "=" + (StoreSettings.isSecret(key) ? "***" : value)));
    return 0;
  }
}
