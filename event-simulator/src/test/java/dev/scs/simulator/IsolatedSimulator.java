package dev.scs.simulator;

import dev.scs.stores.StoreSettings;
import dev.scs.stores.commandline.ProjectCommandLine;
import dev.scs.testing.LocalStackAddresses;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine;

/**
 * Runs the ./scs commands of the simulator against the local stack under names no other run uses:
 * its own keyspace, database, topics, InfluxDB buckets and folders, and a citizen id prefix of its
 * own for the graph in Dgraph (which every run shares), passed as the system properties ./scs would
 * pass, and cleared again on close.
 */
public final class IsolatedSimulator implements AutoCloseable {
  private final String name = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  private final Map<String, String> properties = new LinkedHashMap<>();

  public IsolatedSimulator(LocalStackAddresses addresses, Path folder) {
    properties.put(StoreSettings.KAFKA_BOOTSTRAP_SERVERS, addresses.kafka().toString());
    properties.put(StoreSettings.CASSANDRA_CONTACT_POINT, addresses.cassandra().toString());
    properties.put(StoreSettings.CASSANDRA_KEYSPACE, name);
    properties.put(StoreSettings.MONGODB_URI, "mongodb://" + addresses.mongodb());
    properties.put(StoreSettings.MONGODB_DATABASE, name);
    properties.put(StoreSettings.INFLUXDB_URL, "http://" + addresses.influxdb());
    properties.put(StoreSettings.DGRAPH_ADDRESS, addresses.dgraph().toString());
    properties.put(SimulatorConfig.EVENTS_TOPIC, name + "-citizen-events");
    properties.put(SimulatorConfig.DEAD_LETTER_TOPIC, name + "-citizen-events-dlq");
    properties.put(SimulatorConfig.SCORE_UPDATES_TOPIC, name + "-score-updates");
    properties.put(SimulatorConfig.INFLUXDB_BUCKET_SUFFIX, "_" + name);
    properties.put(SimulatorConfig.CHECKPOINTS_PATH, folder.resolve("checkpoints").toString());
    // Citizen ids allow no underscore: it-1a2b3c4d-citizen-0000042.
    properties.put(SimulatorConfig.CITIZEN_ID_PREFIX, name.replace('_', '-') + "-");
    properties.put(SimulatorConfig.LAKE_PATH, folder.resolve("lake").toString());
    properties.forEach(System::setProperty);
  }

  /** The settings the commands see. */
  public SimulatorConfig config() {
    return SimulatorConfig.from(properties);
  }

  /** Runs one command as ./scs would; its exit code, standard output and standard error. */
  public Run run(String... arguments) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = ProjectCommandLine.of(new SimulatorMain());
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(arguments);
    return new Run(exitCode, out.toString(), err.toString());
  }

  /** What a command did. */
  public record Run(int exitCode, String out, String err) {}

  @Override
  public void close() {
    properties.keySet().forEach(System::clearProperty);
  }
}
