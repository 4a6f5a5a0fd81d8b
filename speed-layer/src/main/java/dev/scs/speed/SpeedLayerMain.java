package dev.scs.speed;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Entry point of the runnable jar: {@code java -jar scs-speed-layer-*-shaded.jar} runs on this
 * machine (Spark local[*]); spark-submit runs the same jar on a cluster.
 */
@Command(
    name = "speed-layer",
    mixinStandardHelpOptions = true,
    description = "Scores citizen events as they arrive (Spark Structured Streaming).",
    subcommands = {SpeedLayerMain.Stream.class, SpeedLayerMain.ShowConfig.class})
public final class SpeedLayerMain implements Callable<Integer> {

  @Spec private CommandSpec spec;

  public static void main(String[] arguments) {
    System.exit(new CommandLine(new SpeedLayerMain()).execute(arguments));
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(System.err);
    return CommandLine.ExitCode.USAGE;
  }

  @Command(
      name = "stream",
      description = "Consume citizen-events and write every store (not implemented yet).")
  static final class Stream implements Callable<Integer> {
    @Override
    public Integer call() {
      System.err.println(
          "speed-layer stream is not implemented yet: the streaming job is still to be written.");
      return CommandLine.ExitCode.SOFTWARE;
    }
  }

  @Command(
      name = "config",
      description = "Print the settings in effect (defaults overridden by -Dkey=value).")
  static final class ShowConfig implements Callable<Integer> {
    @Override
    public Integer call() {
      SpeedLayerConfig.fromSystemProperties()
          .asMap()
          .forEach(
              (key, value) ->
                  System.out.println(
                      key + "=" + (key.equals(SpeedLayerConfig.INFLUXDB_TOKEN) ? "***" : value)));
      return CommandLine.ExitCode.OK;
    }
  }
}
