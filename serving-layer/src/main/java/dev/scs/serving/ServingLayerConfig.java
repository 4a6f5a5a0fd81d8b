package dev.scs.serving;

import dev.scs.stores.StoreSettings;
import dev.scs.stores.settings.ComponentKeys;
import dev.scs.stores.settings.ComponentSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The serving layer's own settings (where it listens, Dgraph, the lake), and the store addresses
 * every layer shares ({@link #stores()}). Keys are {@code group.hyphenated-name}; the defaults are
 * the local stack on 127.0.0.1 ({@code ./scs stack up}) and the lake folder the batch layer writes
 * by default.
 *
 * <p>Precedence, highest first: a JVM system property named by the key ({@code -Dhttp.port=8000}),
 * then the default. {@link #from(Map)} takes this layer's keys and the store keys alike; an unknown
 * key is rejected, so a typo does not silently fall back to a default.
 */
public final class ServingLayerConfig {

  public static final String HTTP_HOST = "http.host";
  public static final String HTTP_PORT = "http.port";
  public static final String LAKE_PATH = "lake.path";
  public static final String SCORE_UPDATES_TOPIC = "serving.score-updates-topic";
  public static final String ADMIN_API_KEY = "serving.admin-api-key";
  public static final String GRAPH_SOURCE = "serving.graph-source";
  public static final String CACHE_REFRESH = "serving.cache-refresh";
  public static final String SPEED_VIEW_CACHE_MAX_AGE = "serving.speed-view-cache-max-age";

  /** Where the network and path endpoints read ties from. */
  public enum GraphSource {
    LAKE,
    DGRAPH
  }

  private static final ComponentKeys KEYS = ComponentKeys.of("serving-layer", defaultValues());

  private final ComponentSettings settings;
  private final Map<String, String> values;

  private ServingLayerConfig(ComponentSettings settings) {
    this.settings = settings;
    this.values = settings.asMap();
  }

  private static Map<String, String> defaultValues() {
    Map<String, String> defaults = new LinkedHashMap<>();
    // 8080 is taken by Dgraph's HTTP endpoint in the local stack.
    defaults.put(HTTP_HOST, "127.0.0.1");
    defaults.put(HTTP_PORT, "8090");
    defaults.put(LAKE_PATH, ".scs/lake");
    defaults.put(SCORE_UPDATES_TOPIC, "score-updates");
    // No default key: rule changes stay disabled until an operator chooses a key.
    defaults.put(ADMIN_API_KEY, "");
    // Dgraph is not available on the local stack; the batch layer's graph_ties table is.
    // The live graph, as the speed layer keeps it; "lake" serves the nightly run's graph_ties.
    defaults.put(GRAPH_SOURCE, "dgraph");
    // How long the published run, the scoring config and the rules are reused between reads.
    defaults.put(CACHE_REFRESH, "PT1S");
    // The oldest speed view row a score lookup may serve while the score-updates topic announces
    // every change (SpeedViewCache): the bound when that announcement lags. PT0S turns it off.
    defaults.put(SPEED_VIEW_CACHE_MAX_AGE, "PT5S");
    return defaults;
  }

  public static ServingLayerConfig defaults() {
    return from(Map.of());
  }

  public static ServingLayerConfig fromSystemProperties() {
    return checked(new ServingLayerConfig(KEYS.readSystemProperties()));
  }

  /** The defaults, with each given key (this layer's or a store key) replaced by its value. */
  public static ServingLayerConfig from(Map<String, String> given) {
    return checked(new ServingLayerConfig(KEYS.read(given)));
  }

  /** A malformed port, graph source or refresh is refused at start, not at first use. */
  private static ServingLayerConfig checked(ServingLayerConfig config) {
    config.httpPort();
    config.graphSource();
    config.cacheRefresh();
    config.speedViewCacheMaxAge();
    return config;
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

  public int httpPort() {
    String port = values.get(HTTP_PORT);
    try {
      return Integer.parseInt(port);
    } catch (NumberFormatException notANumber) {
      throw new IllegalArgumentException(
          HTTP_PORT + " must be a port number, but was \"" + port + "\"", notANumber);
    }
  }

  /** The address the HTTP server binds to; loopback by default. */
  public String httpHost() {
    return values.get(HTTP_HOST);
  }

  /** The Kafka topic the live feed reads (the speed layer's score updates). */
  public String scoreUpdatesTopic() {
    return values.get(SCORE_UPDATES_TOPIC);
  }

  /** The key {@code POST /api/v1/rules} requires; empty when rule changes are disabled. */
  public String adminApiKey() {
    return values.get(ADMIN_API_KEY);
  }

  /** True for the key {@link #ADMIN_API_KEY}: printed as {@code ***}. */
  public static boolean isSecret(String key) {
    return ADMIN_API_KEY.equals(key);
  }

  public GraphSource graphSource() {
    String source = values.get(GRAPH_SOURCE);
    return switch (source) {
      case "lake" -> GraphSource.LAKE;
      case "dgraph" -> GraphSource.DGRAPH;
      default ->
          throw new IllegalArgumentException(
              GRAPH_SOURCE + " must be lake or dgraph, but was \"" + source + "\"");
    };
  }

  /** How long cached reads of slowly changing data (published run, config, rules) are reused. */
  public java.time.Duration cacheRefresh() {
    return duration(CACHE_REFRESH);
  }

  /**
   * The oldest speed view row a score lookup serves from memory; changes announced on {@link
   * #scoreUpdatesTopic()} drop rows sooner. Zero turns the cache off.
   */
  public java.time.Duration speedViewCacheMaxAge() {
    return duration(SPEED_VIEW_CACHE_MAX_AGE);
  }

  private java.time.Duration duration(String key) {
    String text = values.get(key);
    try {
      java.time.Duration duration = java.time.Duration.parse(text);
      if (duration.isNegative()) {
        throw new IllegalArgumentException(key + " must not be negative: " + text);
      }
      return duration;
    } catch (java.time.format.DateTimeParseException notADuration) {
      throw new IllegalArgumentException(
          key + " must be an ISO-8601 duration such as PT1S, but was \"" + text + "\"",
          notADuration);
    }
  }

  /** Root of the Parquet lake that DuckDB queries. */
  public String lakePath() {
    return values.get(LAKE_PATH);
  }
}
