package dev.scs.batch;

import dev.scs.batch.replay.ReplayCommand;
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
      BatchLayerMain.Nightly.class,
      ReplayCommand.class,
      BatchLayerMain.ShowConfig.class
    })
public final class BatchLayerMain implements Callable<Integer> {

  @Spec private CommandSpec spec;

  public static void main(String[] arguments) {
    System.exit(
        new CommandLine(new BatchLayerMain())
            .setExecutionExceptionHandler(new UserFacingErrors())
            .execute(arguments));
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(System.err);
    return CommandLine.ExitCode.USAGE;
  }

  @Command(
      name = "nightly",
      description =
          "Replay the archive up to a watermark and publish the batch view and the Parquet lake"
              + " (not implemented yet).")
  static final class Nightly implements Callable<Integer> {
    @Override
    public Integer call() {
      System.err.println(
          "batch-layer nightly is not implemented yet: the batch job is still to be written.");
      return CommandLine.ExitCode.SOFTWARE;
    }
  }

  @Command(
      name = "config",
      description = "Print the settings in effect (defaults overridden by -Dkey=value).")
  static final class ShowConfig implements Callable<Integer> {
    @Override
    public Integer call() {
      BatchLayerConfig.fromSystemProperties()
          .asMap()
          .forEach((key, value) -> System.out.println(key + "=" + value));
      return CommandLine.ExitCode.OK;
    }
  }
}
