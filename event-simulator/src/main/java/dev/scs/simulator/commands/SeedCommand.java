package dev.scs.simulator.commands;

import dev.scs.schemas.ContractFile;
import dev.scs.simulator.SimulatorConfig;
import dev.scs.simulator.seed.SeedReport;
import dev.scs.simulator.seed.Seeding;
import dev.scs.simulator.world.World;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "seed",
    mixinStandardHelpOptions = true,
    description = {
      "Creates everything the project keeps in the local stack and loads its starting data:",
      "the topics, the Cassandra keyspace and tables, the MongoDB collections with their",
      "indexes (and validators, where the server supports them), the InfluxDB buckets with",
      "their retention, the Dgraph schema; then a synthetic world's citizens, the rule set and",
      "the config into MongoDB, and the world's citizens (with their region) and initial social",
      "graph into Dgraph as nodes and ties. Without --rules and --config the built-in ones",
      "(schemas/rules/) are loaded; an invalid set is refused whole, before anything is",
      "written. Running it twice changes nothing.",
      "Settings and store addresses: -Dkey=value in SCS_JAVA_OPTS (./scs config lists them)."
    })
public final class SeedCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private WorldOptions world;

  @Option(names = "--rules", paramLabel = "FILE.json", description = "A rule set to load.")
  private Path rules;

  @Option(
      names = "--config",
      paramLabel = "FILE.json",
      description = "A config to store, replacing the stored one.")
  private Path config;

  @Override
  public Integer call() throws Exception {
    SimulatorConfig settings = SimulatorConfig.fromSystemProperties();
    String rulesJson =
        rules == null ? ContractFile.DEFAULT_RULE_SET.read() : InputFiles.read(rules);
    String configJson =
        config == null ? ContractFile.DEFAULT_CONFIG.read() : InputFiles.read(config);
    spec.commandLine()
        .getErr()
        .printf(
            Locale.ROOT,
            "seed: a world of %,d citizens (seed %d); stores: %s%n",
            world.citizens,
            world.seed,
            settings.stores());
    World synthetic = world.world(settings.citizenIdPrefix());
    SeedReport report =
        new Seeding(settings.stores(), settings.topics(), settings.influxLayout())
            .run(
                synthetic,
                rulesJson,
                configJson,
                config != null,
                line -> spec.commandLine().getErr().println("    " + line));
    report.lines().forEach(spec.commandLine().getOut()::println);
    return 0;
  }
}
