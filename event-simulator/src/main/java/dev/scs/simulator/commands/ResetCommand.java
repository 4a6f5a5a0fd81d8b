package dev.scs.simulator.commands;

import dev.scs.simulator.SimulatorConfig;
import dev.scs.simulator.seed.ProjectReset;
import dev.scs.stores.influxdb.InfluxBucket;
import dev.scs.stores.influxdb.InfluxLayout;
import dev.scs.stores.setup.SetupStep;
import dev.scs.stores.setup.SetupSummary;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "reset",
    mixinStandardHelpOptions = true,
    description = {
      "Removes all of the project's data from the local stack: the topics, the Cassandra",
      "keyspace, the MongoDB database, the InfluxDB buckets, the streaming checkpoints and the",
      "Parquet lake. Asks for confirmation unless --yes is given. ./scs seed recreates the rest.",
      "Dgraph is not available on this stack and is skipped."
    })
public final class ResetCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--yes", description = "Do not ask for confirmation.")
  private boolean yes;

  @Override
  public Integer call() throws Exception {
    SimulatorConfig settings = SimulatorConfig.fromSystemProperties();
    InfluxLayout influx = settings.influxLayout();
    List<Path> folders = List.of(Path.of(settings.checkpointsPath()), Path.of(settings.lakePath()));
    String what =
        "topics "
            + settings.topics().names()
            + " at "
            + settings.stores().kafkaBootstrapServers()
            + ", Cassandra keyspace "
            + settings.stores().cassandraKeyspace()
            + ", MongoDB database "
            + settings.stores().mongodbDatabase()
            + ", InfluxDB databases "
            + influx.buckets().stream().map(InfluxBucket::name).toList()
            + ", folders "
            + folders;
    if (!yes && !confirmed(what, spec.commandLine().getErr())) {
      spec.commandLine().getErr().println("reset: nothing removed");
      return 1;
    }
    List<SetupStep> steps =
        new ProjectReset(settings.stores(), settings.topics(), influx, folders)
            .run(step -> spec.commandLine().getErr().println("    " + step.describe()));
    SetupSummary.lines(steps).forEach(spec.commandLine().getOut()::println);
    spec.commandLine().getOut().println("dgraph: not available on this stack, skipped");
    spec.commandLine()
        .getOut()
        .println("reset: done; ./scs seed recreates the topics, tables and collections");
    return 0;
  }

  private static boolean confirmed(String what, PrintWriter err) throws Exception {
    if (System.console() == null) {
      throw new IllegalArgumentException(
          "reset removes all of the project's data and there is no terminal to confirm on;"
              + " run ./scs reset --yes");
    }
    err.println("This removes " + what + ".");
    err.print("Type yes to remove them: ");
    err.flush();
    String answer =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    return answer != null && answer.trim().equalsIgnoreCase("yes");
  }
}
