package dev.scs.simulator;

import dev.scs.stores.StoreSettings;
import dev.scs.stores.influxdb.InfluxLayout;
import dev.scs.stores.kafka.ProjectTopics;
import dev.scs.stores.settings.ComponentKeys;
import dev.scs.stores.settings.ComponentSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The event simulator's own settings (the topics it seeds, fills and removes, and the local folders
 * {@code reset} clears), and the store addresses every layer shares ({@link #stores()}). Keys are
 * {@code group.hyphenated-name}; the defaults are the local stack and this checkout's {@code
 * .scs/}.
 *
 * <p>Precedence, highest first: a JVM system property named by the key ({@code
 * -Dsimulator.events-topic=other-events}, {@code -Dkafka.bootstrap-servers=redpanda:9092}; {@code
 * ./scs} passes them through {@code SCS_JAVA_OPTS}), then the default; the mechanism, shared by
 * every component, is {@link ComponentKeys}. {@link #from(Map)} takes this component's keys and the
 * store keys alike; an unknown key is rejected, so a typo does not silently fall back to a default.
 */
public final class SimulatorConfig {

  public static final String EVENTS_TOPIC = "simulator.events-topic";
  public static final String DEAD_LETTER_TOPIC = "simulator.dead-letter-topic";
  public static final String SCORE_UPDATES_TOPIC = "simulator.score-updates-topic";

  /** The same key as the speed layer's checkpoints parent; reset removes the whole folder. */
  public static final String CHECKPOINTS_PATH = "checkpoints.path";

  /** The same key, and default, as the batch and serving layers' lake. */
  public static final String LAKE_PATH = "lake.path";

  /** Appended to every bucket of the InfluxDB layout, as the speed layer's key of that name. */
  public static final String INFLUXDB_BUCKET_SUFFIX = "simulator.influxdb-bucket-suffix";

  /**
   * Put before every citizen id of the synthetic world ({@code it-1a2b3c4d-citizen-0000042}), so
   * that a world can share Dgraph, which has no keyspace or database of its own, with others: seed
   * writes, and reset removes, only the citizen nodes under it. Empty for the project's world,
   * whose reset removes every citizen node.
   */
  public static final String CITIZEN_ID_PREFIX = "simulator.citizen-id-prefix";

  /** Citizen ids are at most 40 of [a-z0-9-] (event.schema.json); the rest is citizen-0000042. */
  private static final Pattern PREFIX = Pattern.compile("[a-z0-9-]{0,25}");

  private static final ComponentKeys KEYS = ComponentKeys.of("event-simulator", defaultValues());

  private final ComponentSettings settings;
  private final Map<String, String> values;

  private SimulatorConfig(ComponentSettings settings) {
    this.settings = settings;
    this.values = settings.asMap();
    if (!PREFIX.matcher(values.get(CITIZEN_ID_PREFIX)).matches()) {
      throw new IllegalArgumentException(
          CITIZEN_ID_PREFIX
              + " must be at most 25 of a-z, 0-9 and -, so that a citizen id stays valid, but was '"
              + values.get(CITIZEN_ID_PREFIX)
              + "'");
    }
  }

  private static Map<String, String> defaultValues() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put(EVENTS_TOPIC, ProjectTopics.EVENTS);
    defaults.put(DEAD_LETTER_TOPIC, ProjectTopics.DEAD_LETTERS);
    defaults.put(SCORE_UPDATES_TOPIC, ProjectTopics.SCORE_UPDATES);
    defaults.put(CHECKPOINTS_PATH, ".scs/checkpoints");
    defaults.put(LAKE_PATH, ".scs/lake");
    defaults.put(INFLUXDB_BUCKET_SUFFIX, "");
    defaults.put(CITIZEN_ID_PREFIX, "");
    return defaults;
  }

  public static SimulatorConfig defaults() {
    return from(Map.of());
  }

  public static SimulatorConfig fromSystemProperties() {
    return new SimulatorConfig(KEYS.readSystemProperties());
  }

  /** The defaults, with each given key (this component's or a store key) replaced. */
  public static SimulatorConfig from(Map<String, String> given) {
    return new SimulatorConfig(KEYS.read(given));
  }

  /** This component's keys with their values, in a stable order; the stores are in stores(). */
  public Map<String, String> asMap() {
    return values;
  }

  public static Set<String> keys() {
    return KEYS.keys();
  }

  /** Where the stores are, as every layer sees them. */
  public StoreSettings stores() {
    return settings.stores();
  }

  /** The three topics, as seed creates them and reset deletes them. */
  public ProjectTopics topics() {
    return new ProjectTopics(
        values.get(EVENTS_TOPIC), values.get(DEAD_LETTER_TOPIC), values.get(SCORE_UPDATES_TOPIC));
  }

  /** The InfluxDB buckets seed creates and reset drops: the layout's, with the suffix. */
  public InfluxLayout influxLayout() {
    return InfluxLayout.fromContract().withSuffix(values.get(INFLUXDB_BUCKET_SUFFIX));
  }

  /** The topic simulate and produce write to; records are keyed by citizen id. */
  public String eventsTopic() {
    return values.get(EVENTS_TOPIC);
  }

  /** Put before every citizen id of the synthetic world; empty for the project's world. */
  public String citizenIdPrefix() {
    return values.get(CITIZEN_ID_PREFIX);
  }

  /** The folder under which the streaming jobs keep their checkpoints. */
  public String checkpointsPath() {
    return values.get(CHECKPOINTS_PATH);
  }

  /** The Parquet lake the batch layer writes. */
  public String lakePath() {
    return values.get(LAKE_PATH);
  }
}
