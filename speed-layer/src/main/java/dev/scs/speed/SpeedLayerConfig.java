package dev.scs.speed;

import dev.scs.stores.StoreSettings;
import dev.scs.stores.settings.ComponentKeys;
import dev.scs.stores.settings.ComponentSettings;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The speed layer's own settings, and the store addresses every layer shares ({@link #stores()}).
 * Keys are {@code group.hyphenated-name}; the defaults are the local stack on 127.0.0.1 ({@code
 * ./scs stack up}).
 *
 * <p>Precedence, highest first: a JVM system property named by the key ({@code
 * -Dspeed.trigger-interval=PT5S}, {@code -Dcassandra.contact-point=scylla:9042}; under
 * spark-submit, {@code --driver-java-options}), then the default. {@link #from(Map)} takes this
 * layer's keys and the store keys alike; an unknown key is rejected, so a typo does not silently
 * fall back to a default, and a value that does not parse is rejected naming its key.
 */
public final class SpeedLayerConfig {

  public static final String TRIGGER_INTERVAL = "speed.trigger-interval";
  public static final String MAX_OFFSETS_PER_TRIGGER = "speed.max-offsets-per-trigger";
  public static final String CHECKPOINT_LOCATION = "speed.checkpoint-location";
  public static final String STARTING_OFFSETS = "speed.starting-offsets";
  public static final String EVENTS_TOPIC = "speed.events-topic";
  public static final String DEAD_LETTER_TOPIC = "speed.dead-letter-topic";
  public static final String SCORE_UPDATES_TOPIC = "speed.score-updates-topic";
  public static final String ARCHIVE_TIME_TO_LIVE = "speed.archive-time-to-live";
  public static final String INFLUXDB_BUCKET_SUFFIX = "speed.influxdb-bucket-suffix";
  public static final String METRICS_FILE = "speed.metrics-file";
  public static final String METRICS_ADDRESS = "speed.metrics-address";
  public static final String MONGODB_STATEMENTS_PER_COMMAND =
      "speed.mongodb-statements-per-command";
  public static final String MONGODB_CONCURRENT_COMMANDS = "speed.mongodb-concurrent-commands";
  public static final String CITIZEN_LOOKUP_MAX_AGE = "speed.citizen-lookup-max-age";

  private static final ComponentKeys KEYS = ComponentKeys.of("speed-layer", defaultValues());

  private final ComponentSettings settings;
  private final Map<String, String> values;

  private SpeedLayerConfig(ComponentSettings settings) {
    this.settings = settings;
    this.values = settings.asMap();
  }

  private static Map<String, String> defaultValues() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put(TRIGGER_INTERVAL, "PT1S");
    defaults.put(MAX_OFFSETS_PER_TRIGGER, "50000");
    defaults.put(CHECKPOINT_LOCATION, ".scs/checkpoints/speed");
    defaults.put(STARTING_OFFSETS, "earliest");
    defaults.put(EVENTS_TOPIC, "citizen-events");
    defaults.put(DEAD_LETTER_TOPIC, "citizen-events-dlq");
    defaults.put(SCORE_UPDATES_TOPIC, "score-updates");
    defaults.put(ARCHIVE_TIME_TO_LIVE, "P1825D");
    defaults.put(INFLUXDB_BUCKET_SUFFIX, "");
    defaults.put(METRICS_FILE, ".scs/metrics/speed-layer.prom");
    defaults.put(METRICS_ADDRESS, "127.0.0.1:9464");
    defaults.put(MONGODB_STATEMENTS_PER_COMMAND, "8");
    defaults.put(MONGODB_CONCURRENT_COMMANDS, "4");
    defaults.put(CITIZEN_LOOKUP_MAX_AGE, "PT5M");
    return defaults;
  }

  public static SpeedLayerConfig defaults() {
    return from(Map.of());
  }

  public static SpeedLayerConfig fromSystemProperties() {
    return checked(new SpeedLayerConfig(KEYS.readSystemProperties()));
  }

  /** The defaults, with each given key (this layer's or a store key) replaced by its value. */
  public static SpeedLayerConfig from(Map<String, String> given) {
    return checked(new SpeedLayerConfig(KEYS.read(given)));
  }

  /** A malformed value is refused when the settings are read, not when the stream first uses it. */
  private static SpeedLayerConfig checked(SpeedLayerConfig config) {
    config.validate();
    return config;
  }

  private void validate() {
    triggerInterval();
    archiveTimeToLive();
    maxOffsetsPerTrigger();
    metricsAddress();
    mongodbStatementsPerCommand();
    mongodbConcurrentCommands();
    citizenLookupMaxAge();
    String startingOffsets = startingOffsets();
    if (!startingOffsets.equals("earliest") && !startingOffsets.equals("latest")) {
      throw invalid(STARTING_OFFSETS, "earliest or latest");
    }
  }

  /**
   * This layer's keys with their values, in a stable order; the stores are in {@link #stores()}.
   */
  public Map<String, String> asMap() {
    return values;
  }

  /** This layer's own keys, in a stable order. */
  public static Set<String> keys() {
    return KEYS.keys();
  }

  /** Where the stores are, as every layer sees them. */
  public StoreSettings stores() {
    return settings.stores();
  }

  public Duration triggerInterval() {
    return positiveDuration(TRIGGER_INTERVAL);
  }

  public long maxOffsetsPerTrigger() {
    return positiveNumber(MAX_OFFSETS_PER_TRIGGER, "50000");
  }

  public String checkpointLocation() {
    return values.get(CHECKPOINT_LOCATION);
  }

  public String startingOffsets() {
    return values.get(STARTING_OFFSETS);
  }

  public String eventsTopic() {
    return values.get(EVENTS_TOPIC);
  }

  public String deadLetterTopic() {
    return values.get(DEAD_LETTER_TOPIC);
  }

  public String scoreUpdatesTopic() {
    return values.get(SCORE_UPDATES_TOPIC);
  }

  public Duration archiveTimeToLive() {
    return positiveDuration(ARCHIVE_TIME_TO_LIVE);
  }

  public String influxdbBucketSuffix() {
    return values.get(INFLUXDB_BUCKET_SUFFIX);
  }

  public String metricsFile() {
    return values.get(METRICS_FILE);
  }

  /**
   * Where the metrics endpoint listens ({@code /metrics} in Prometheus' text format, {@code
   * /health}); empty when the setting is {@code off}.
   */
  public Optional<InetSocketAddress> metricsAddress() {
    String address = values.get(METRICS_ADDRESS);
    if (address.equals("off")) {
      return Optional.empty();
    }
    int colon = address.lastIndexOf(':');
    if (colon > 0) {
      try {
        int port = Integer.parseInt(address.substring(colon + 1));
        if (port >= 0 && port <= 65535) {
          return Optional.of(InetSocketAddress.createUnresolved(address.substring(0, colon), port));
        }
      } catch (NumberFormatException notAPort) {
        // reported below, with the key
      }
    }
    throw invalid(METRICS_ADDRESS, "host:port such as 127.0.0.1:9464 or 0.0.0.0:9464, or off");
  }

  /** Update statements per bulk command of the MongoDB sink (see MongoScoreSink). */
  public int mongodbStatementsPerCommand() {
    return (int) positiveNumber(MONGODB_STATEMENTS_PER_COMMAND, "8");
  }

  /** Bulk commands the MongoDB sink keeps in flight at once. */
  public int mongodbConcurrentCommands() {
    return (int) positiveNumber(MONGODB_CONCURRENT_COMMANDS, "4");
  }

  /**
   * How long a citizen found registered is taken as registered without asking MongoDB again (see
   * RememberedCitizens); PT0S asks every micro-batch.
   */
  public Duration citizenLookupMaxAge() {
    return duration(
        CITIZEN_LOOKUP_MAX_AGE, true, "an ISO-8601 duration such as PT5M, or PT0S for none");
  }

  private long positiveNumber(String key, String example) {
    try {
      long number = Long.parseLong(values.get(key));
      if (number > 0 && number <= Integer.MAX_VALUE) {
        return number;
      }
    } catch (NumberFormatException notANumber) {
      // reported below, with the key
    }
    throw invalid(key, "a positive whole number such as " + example);
  }

  private Duration positiveDuration(String key) {
    return duration(key, false, "a positive ISO-8601 duration such as PT1S or P1825D");
  }

  private Duration duration(String key, boolean zeroAllowed, String expected) {
    try {
      Duration duration = Duration.parse(values.get(key));
      if (!duration.isNegative() && (zeroAllowed || !duration.isZero())) {
        return duration;
      }
    } catch (DateTimeParseException notADuration) {
      // reported below, with the key
    }
    throw invalid(key, expected);
  }

  private IllegalArgumentException invalid(String key, String expected) {
    return new IllegalArgumentException(
        key + " must be " + expected + ", but was \"" + values.get(key) + "\"");
  }
}
