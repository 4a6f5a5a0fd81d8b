package dev.scs.batch;

import dev.scs.batch.replay.ReplayCommand;
import dev.scs.batch.run.BatchRunCommand;
import dev.scs.batch.whatif.WhatIfCommand;
import dev.scs.stores.StoreSettings;
import dev.scs.stores.commandline.ProjectCommandLine;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Entry point of the runnable jar: {@code java -jar scs-batch-layer-*-shaded.jar} runs on this
 * machine (Spark local[*]); spark-submit runs the same jar on a cluster.
 */
@Command(
    name = "batch-layer",
    mixinStandardHelpOptions = true,
    description = "Recomputes scores from the event archive in canonical order (Spark batch).",
    subcommands = {
      BatchRunCommand.class,
      WhatIfCommand.class,
      ReplayCommand.class,
      BatchLayerMain.ShowConfig.class
    })
public final class BatchLayerMain implements Callable<Integer> {

  @Spec private CommandSpec spec;

  public static void main(String[] arguments) {
    System.exit(commandLine().execute(arguments));
  }

  /** The command line of {@code ./scs batch} and {@code ./scs replay}, as the jar runs it. */
  public static CommandLine commandLine() {
    return ProjectCommandLine.of(new BatchLayerMain());
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(System.err);
    return CommandLine.ExitCode.USAGE;
  }

  @Command(
      name = "config",
      mixinStandardHelpOptions = true,
      description = "Print the settings in effect (defaults overridden by -Dkey=value).")
  static final class ShowConfig implements Callable<Integer> {
    @Override
    public Integer call() {
      BatchLayerConfig config = BatchLayerConfig.fromSystemProperties();
      config.asMap().forEach((key, value) -> System.out.println(key + "=" + value));
      config
          .stores()
          .asMap()
          .forEach(
              (key, value) ->
                  System.out.println(key + "=" + (StoreSettings.isSecret(key) ? "***" : value)));
      return CommandLine.ExitCode.OK;
    }
  }
}
