package dev.scs.batch;

import dev.scs.batch.run.BatchRunSettings;
import dev.scs.scoring.time.Durations;
import dev.scs.stores.StoreSettings;
import dev.scs.stores.settings.ComponentKeys;
import dev.scs.stores.settings.ComponentSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The nightly batch job's own settings, and the store addresses every layer shares ({@link
 * #stores()}). Keys are {@code group.hyphenated-name}; the defaults are the local stack on
 * 127.0.0.1 ({@code ./scs stack up}) and a lake folder in the checkout's git-ignored {@code .scs/}.
 *
 * <p>Precedence, highest first: a JVM system property named by the key ({@code
 * -Dlake.path=s3a://bucket/lake}; under spark-submit, {@code --driver-java-options}), then the
 * default. {@link #from(Map)} takes this layer's keys and the store keys alike; an unknown key is
 * rejected, so a typo does not silently fall back to a default.
 */
public final class BatchLayerConfig {

  public static final String LAKE_PATH = "lake.path";
  public static final String LAKE_RETENTION = "lake.retention";
  public static final String PAGERANK_ITERATIONS = "batch.pagerank-iterations";
  public static final String HISTOGRAM_BUCKET_WIDTH = "batch.histogram-bucket-width";
  public static final String TOP_MOVERS = "batch.top-movers";
  public static final String RECONCILE_CITIZENS = "batch.reconcile-citizens";
  public static final String SPEED_LAYER_WAIT = "batch.speed-layer-wait";

  private static final ComponentKeys KEYS = ComponentKeys.of("batch-layer", defaultValues());

  private final ComponentSettings settings;
  private final Map<String, String> values;

  private BatchLayerConfig(ComponentSettings settings) {
    this.settings = settings;
    this.values = settings.asMap();
  }

  private static Map<String, String> defaultValues() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put(LAKE_PATH, ".scs/lake");
    // Event days and runs older than this before a run's watermark leave the lake.
    defaults.put(LAKE_RETENTION, "P730D");
    defaults.put(PAGERANK_ITERATIONS, "20");
    defaults.put(HISTOGRAM_BUCKET_WIDTH, "50");
    defaults.put(TOP_MOVERS, "100");
    // false skips setting MongoDB's citizen scores and Dgraph's citizen nodes after a run (they
    // stay as the speed layer and the last run left them); for benchmarks of the recompute alone.
    defaults.put(RECONCILE_CITIZENS, "true");
    // How long a run waits for the speed layer to commit through its watermark (hand-over) before
    // it fails; a micro-batch or an idle heartbeat (every 10 s) is enough, so minutes are plenty.
    defaults.put(SPEED_LAYER_WAIT, "PT5M");
    return defaults;
  }

  public static BatchLayerConfig defaults() {
    return from(Map.of());
  }

  public static BatchLayerConfig fromSystemProperties() {
    return new BatchLayerConfig(KEYS.readSystemProperties());
  }

  /** The defaults, with each given key (this layer's or a store key) replaced by its value. */
  public static BatchLayerConfig from(Map<String, String> given) {
    return new BatchLayerConfig(KEYS.read(given));
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

  /** Root of the Parquet lake: a local folder, or any URI Spark's file systems accept. */
  public String lakePath() {
    return values.get(LAKE_PATH);
  }

  /** How long the lake keeps event days and runs, as an ISO-8601 duration such as P730D. */
  public long lakeRetentionMillis() {
    return duration(LAKE_RETENTION, "P730D");
  }

  private long duration(String key, String example) {
    return Durations.parse(values.get(key))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    key
                        + " must be an ISO-8601 duration such as "
                        + example
                        + ", but was \""
                        + values.get(key)
                        + "\""));
  }

  /** The batch run's own settings, each checked. */
  public BatchRunSettings runSettings() {
    return new BatchRunSettings(
        lakeRetentionMillis(),
        positive(PAGERANK_ITERATIONS),
        positive(HISTOGRAM_BUCKET_WIDTH),
        positive(TOP_MOVERS),
        flag(RECONCILE_CITIZENS),
        Duration.ofMillis(duration(SPEED_LAYER_WAIT, "PT5M")));
  }

  private boolean flag(String key) {
    String value = values.get(key);
    if (value.equals("true") || value.equals("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new IllegalArgumentException(key + " must be true or false, but was \"" + value + "\"");
  }

  private int positive(String key) {
    String value = values.get(key);
    try {
      int number = Integer.parseInt(value);
      if (number > 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        key + " must be a positive whole number, but was \"" + value + "\"");
  }
}
