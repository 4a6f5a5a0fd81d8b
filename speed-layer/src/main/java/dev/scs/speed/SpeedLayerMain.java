package dev.scs.speed;

import dev.scs.stores.StoreSettings;
import dev.scs.stores.commandline.ProjectCommandLine;
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
    subcommands = {StreamCommand.class, SpeedLayerMain.ShowConfig.class})
public final class SpeedLayerMain implements Callable<Integer> {

  @Spec private CommandSpec spec;

  public static void main(String[] arguments) {
    System.exit(commandLine().execute(arguments));
  }

  /** The command line of {@code ./scs speed}, as the jar runs it. */
  static CommandLine commandLine() {
    return ProjectCommandLine.of(new SpeedLayerMain());
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
      SpeedLayerConfig config = SpeedLayerConfig.fromSystemProperties();
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
