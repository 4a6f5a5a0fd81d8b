package dev.scs.serving;

import dev.scs.stores.StoreSettings;
import dev.scs.stores.commandline.UserFacingErrors;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Entry point of the runnable jar: {@code java -jar scs-serving-layer-*-shaded.jar serve}. */
@Command(
    name = "serving-layer",
    mixinStandardHelpOptions = true,
    description = "Serves scores, profiles, history, networks and analytics over HTTP.",
    subcommands = {ServingLayerMain.Serve.class, ServingLayerMain.ShowConfig.class})
public final class ServingLayerMain implements Callable<Integer> {

  @Spec private CommandSpec spec;

  public static void main(String[] arguments) {
    System.exit(
        new CommandLine(new ServingLayerMain())
            .setExecutionExceptionHandler(new UserFacingErrors())
            .execute(arguments));
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(System.err);
    return CommandLine.ExitCode.USAGE;
  }

  @Command(name = "serve", description = "Start the REST API and dashboard (not implemented yet).")
  static final class Serve implements Callable<Integer> {
    @Override
    public Integer call() {
      System.err.println(
          "serving-layer serve is not implemented yet: the REST API is still to be written.");
      return CommandLine.ExitCode.SOFTWARE;
    }
  }

  @Command(
      name = "config",
      description = "Print the settings in effect (defaults overridden by -Dkey=value).")
  static final class ShowConfig implements Callable<Integer> {
    @Override
    public Integer call() {
      ServingLayerConfig config = ServingLayerConfig.fromSystemProperties();
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
