package dev.scs.simulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where the simulator sends events. Keys are {@code group.hyphenated-name}; the defaults are the
 * local stack.
 *
 * <p>Precedence, highest first: a JVM system property named by the key ({@code
 * -Dkafka.bootstrap-servers=redpanda:9092}), then the default. An unknown key passed to {@link
 * #from(Map)} is rejected, so a typo does not silently fall back to a default.
 */
public final class SimulatorConfig {

  public static final String KAFKA_BOOTSTRAP_SERVERS = "kafka.bootstrap-servers";
  public static final String KAFKA_EVENTS_TOPIC = "kafka.events-topic";

  private static final Map<String, String> DEFAULTS = defaultValues();

  private final Map<String, String> values;

  private SimulatorConfig(Map<String, String> values) {
    this.values = values;
  }

  private static Map<String, String> defaultValues() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put(KAFKA_BOOTSTRAP_SERVERS, "127.0.0.1:9092");
    defaults.put(KAFKA_EVENTS_TOPIC, "citizen-events");
    return Collections.unmodifiableMap(defaults);
  }

  public static SimulatorConfig defaults() {
    return new SimulatorConfig(DEFAULTS);
  }

  public static SimulatorConfig fromSystemProperties() {
    Properties properties = System.getProperties();
    Map<String, String> given = new LinkedHashMap<>();
    DEFAULTS.keySet().stream()
        .filter(properties::containsKey)
        .forEach(key -> given.put(key, properties.getProperty(key)));
    return from(given);
  }

  /** The defaults, with each given key replaced by its value. */
  public static SimulatorConfig from(Map<String, String> given) {
    Map<String, String> merged = new LinkedHashMap<>(DEFAULTS);
    given.forEach(
        (key, value) -> {
          if (!DEFAULTS.containsKey(key)) {
            throw new IllegalArgumentException(
                "unknown event-simulator setting "
                    + key
                    + "; known settings: "
                    + DEFAULTS.keySet());
          }
          merged.put(key, value);
        });
    return new SimulatorConfig(Collections.unmodifiableMap(merged));
  }

  /** Every key with its value, in a stable order, for printing and for tests. */
  public Map<String, String> asMap() {
    return values;
  }

  public String kafkaBootstrapServers() {
    return values.get(KAFKA_BOOTSTRAP_SERVERS);
  }

  /** The topic the speed layer consumes; events are keyed by citizen id. */
  public String kafkaEventsTopic() {
    return values.get(KAFKA_EVENTS_TOPIC);
  }
}
