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
      "keyspace, the MongoDB database, the InfluxDB buckets, the Dgraph citizen nodes with their",
      "ties (the Dgraph schema stays), the streaming checkpoints and the Parquet lake. With",
      "simulator.citizen-id-prefix set, only the Dgraph nodes under that prefix are removed.",
      "Asks for confirmation unless --yes is given. ./scs seed recreates the rest."
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
            + ", "
            + (settings.citizenIdPrefix().isEmpty()
                ? "every Dgraph citizen node"
                : "the Dgraph citizen nodes " + settings.citizenIdPrefix() + "*")
            + " at "
            + settings.stores().dgraphAddress()
            + ", folders "
            + folders;
    if (!yes && !confirmed(what, spec.commandLine().getErr())) {
      spec.commandLine().getErr().println("reset: nothing removed");
      return 1;
    }
    List<SetupStep> steps =
        new ProjectReset(
                settings.stores(), settings.topics(), influx, settings.citizenIdPrefix(), folders)
            .run(step -> spec.commandLine().getErr().println("    " + step.describe()));
    // Dgraph's one step in full: how many citizen nodes went says more than "dgraph: 1 removed".
    SetupSummary.lines(steps.stream().filter(step -> !isDgraph(step)).toList())
        .forEach(spec.commandLine().getOut()::println);
    steps.stream()
        .filter(ResetCommand::isDgraph)
        .forEach(step -> spec.commandLine().getOut().println(step.describe()));
    spec.commandLine()
        .getOut()
        .println("reset: done; ./scs seed recreates the topics, tables, collections and graph");
    return 0;
  }

  private static boolean isDgraph(SetupStep step) {
    return step.store().equals("dgraph");
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
