package dev.scs.serving;

import dev.scs.serving.live.LiveFeed;
import dev.scs.stores.StoreSettings;
import dev.scs.stores.commandline.ProjectCommandLine;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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
    System.exit(commandLine().execute(arguments));
  }

  /** The command line of {@code ./scs serve}, as the jar runs it. */
  static CommandLine commandLine() {
    return ProjectCommandLine.of(new ServingLayerMain());
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(System.err);
    return CommandLine.ExitCode.USAGE;
  }

  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      description = {
        "Start the REST API and the dashboard on http.host:http.port (default 127.0.0.1:8090).",
        "Settings are -Dkey=value JVM properties; `config` lists them."
      })
  static final class Serve implements Callable<Integer> {
    @Override
    public Integer call() throws InterruptedException {
      ServingLayerConfig config = ServingLayerConfig.fromSystemProperties();
      StoreBackedApi stores = new StoreBackedApi(config);
      LiveFeed feed =
          new LiveFeed(config.stores().kafkaBootstrapServers(), config.scoreUpdatesTopic());
      feed.start();
      ServingServer server =
          ServingServer.start(stores.api(), feed, config.httpHost(), config.httpPort());
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    server.close();
                    feed.close();
                    stores.close();
                    stopped.countDown();
                  },
                  "serving-layer-shutdown"));
      System.out.println(
          "serving on http://"
              + config.httpHost()
              + ":"
              + server.port()
              + "/ (API under /api/v1, document at /openapi.json); Ctrl-C stops");
      stopped.await();
      return CommandLine.ExitCode.OK;
    }
  }

  @Command(
      name = "config",
      mixinStandardHelpOptions = true,
      description = "Print the settings in effect (defaults overridden by -Dkey=value).")
  static final class ShowConfig implements Callable<Integer> {
    @Override
    public Integer call() {
      ServingLayerConfig config = ServingLayerConfig.fromSystemProperties();
      config
          .asMap()
          .forEach(
              (key, value) ->
                  System.out.println(
                      key
                          + "="
                          + (ServingLayerConfig.isSecret(key) && !value.isEmpty()
                              ? "***"
                              : value)));
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
