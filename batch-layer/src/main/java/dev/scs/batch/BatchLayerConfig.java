package dev.scs.batch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where the nightly batch job reads and writes. Keys are {@code group.hyphenated-name}; the
 * defaults are the local stack on 127.0.0.1 ({@code ./scs stack up}) and a lake folder in the
 * checkout's git-ignored {@code .scs/}.
 *
 * <p>Precedence, highest first: a JVM system property named by the key ({@code
 * -Dlake.path=s3a://bucket/lake}; under spark-submit, {@code --driver-java-options}), then the
 * default. An unknown key passed to {@link #from(Map)} is rejected, so a typo does not silently
 * fall back to a default.
 */
public final class BatchLayerConfig {

  public static final String CASSANDRA_CONTACT_POINT = "cassandra.contact-point";
  public static final String CASSANDRA_LOCAL_DATACENTER = "cassandra.local-datacenter";
  public static final String CASSANDRA_KEYSPACE = "cassandra.keyspace";
  public static final String MONGODB_URI = "mongodb.uri";
  public static final String MONGODB_DATABASE = "mongodb.database";
  public static final String DGRAPH_ADDRESS = "dgraph.address";
  public static final String LAKE_PATH = "lake.path";

  private static final Map<String, String> DEFAULTS = defaultValues();

  private final Map<String, String> values;

  private BatchLayerConfig(Map<String, String> values) {
    this.values = values;
  }

  private static Map<String, String> defaultValues() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put(CASSANDRA_CONTACT_POINT, "127.0.0.1:9042");
    // The name Cassandra's SimpleSnitch and a one-node ScyllaDB give their only datacenter.
    defaults.put(CASSANDRA_LOCAL_DATACENTER, "datacenter1");
    defaults.put(CASSANDRA_KEYSPACE, "scs");
    defaults.put(MONGODB_URI, "mongodb://127.0.0.1:27017");
    defaults.put(MONGODB_DATABASE, "scs");
    defaults.put(DGRAPH_ADDRESS, "127.0.0.1:9080");
    defaults.put(LAKE_PATH, ".scs/lake");
    return Collections.unmodifiableMap(defaults);
  }

  public static BatchLayerConfig defaults() {
    return new BatchLayerConfig(DEFAULTS);
  }

  public static BatchLayerConfig fromSystemProperties() {
    Properties properties = System.getProperties();
    Map<String, String> given = new LinkedHashMap<>();
    DEFAULTS.keySet().stream()
        .filter(properties::containsKey)
        .forEach(key -> given.put(key, properties.getProperty(key)));
    return from(given);
  }

  /** The defaults, with each given key replaced by its value. */
  public static BatchLayerConfig from(Map<String, String> given) {
    Map<String, String> merged = new LinkedHashMap<>(DEFAULTS);
    given.forEach(
        (key, value) -> {
          if (!DEFAULTS.containsKey(key)) {
            throw new IllegalArgumentException(
                "unknown batch-layer setting " + key + "; known settings: " + DEFAULTS.keySet());
          }
          merged.put(key, value);
        });
    return new BatchLayerConfig(Collections.unmodifiableMap(merged));
  }

  /** Every key with its value, in a stable order, for printing and for tests. */
  public Map<String, String> asMap() {
    return values;
  }

  /** {@code host:port} of one CQL node; the connector discovers the others from it. */
  public String cassandraContactPoint() {
    return values.get(CASSANDRA_CONTACT_POINT);
  }

  public String cassandraLocalDatacenter() {
    return values.get(CASSANDRA_LOCAL_DATACENTER);
  }

  public String cassandraKeyspace() {
    return values.get(CASSANDRA_KEYSPACE);
  }

  public String mongodbUri() {
    return values.get(MONGODB_URI);
  }

  public String mongodbDatabase() {
    return values.get(MONGODB_DATABASE);
  }

  /** {@code host:port} of a Dgraph alpha's gRPC endpoint. */
  public String dgraphAddress() {
    return values.get(DGRAPH_ADDRESS);
  }

  /** Root of the Parquet lake: a local folder, or any URI Spark's file systems accept. */
  public String lakePath() {
    return values.get(LAKE_PATH);
  }
}
