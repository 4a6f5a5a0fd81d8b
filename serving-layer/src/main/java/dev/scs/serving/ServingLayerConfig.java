package dev.scs.serving;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where the serving layer listens and which stores it reads. Keys are {@code
 * group.hyphenated-name}; the defaults are the local stack on 127.0.0.1 ({@code ./scs stack up})
 * and the lake folder the batch layer writes by default.
 *
 * <p>Precedence, highest first: a JVM system property named by the key ({@code -Dhttp.port=8000}),
 * then the default. An unknown key passed to {@link #from(Map)} is rejected, so a typo does not
 * silently fall back to a default.
 */
public final class ServingLayerConfig {

  public static final String HTTP_PORT = "http.port";
  public static final String CASSANDRA_CONTACT_POINT = "cassandra.contact-point";
  public static final String CASSANDRA_LOCAL_DATACENTER = "cassandra.local-datacenter";
  public static final String CASSANDRA_KEYSPACE = "cassandra.keyspace";
  public static final String MONGODB_URI = "mongodb.uri";
  public static final String MONGODB_DATABASE = "mongodb.database";
  public static final String INFLUXDB_URL = "influxdb.url";
  public static final String INFLUXDB_ORG = "influxdb.org";
  public static final String INFLUXDB_TOKEN = "influxdb.token";
  public static final String DGRAPH_ADDRESS = "dgraph.address";
  public static final String LAKE_PATH = "lake.path";

  private static final Map<String, String> DEFAULTS = defaultValues();

  private final Map<String, String> values;

  private ServingLayerConfig(Map<String, String> values) {
    this.values = values;
  }

  private static Map<String, String> defaultValues() {
    Map<String, String> defaults = new LinkedHashMap<>();
    // 8080 is taken by Dgraph's HTTP endpoint in the local stack.
    defaults.put(HTTP_PORT, "7070");
    defaults.put(CASSANDRA_CONTACT_POINT, "127.0.0.1:9042");
    // The name Cassandra's SimpleSnitch and a one-node ScyllaDB give their only datacenter.
    defaults.put(CASSANDRA_LOCAL_DATACENTER, "datacenter1");
    defaults.put(CASSANDRA_KEYSPACE, "scs");
    defaults.put(MONGODB_URI, "mongodb://127.0.0.1:27017");
    defaults.put(MONGODB_DATABASE, "scs");
    defaults.put(INFLUXDB_URL, "http://127.0.0.1:8086");
    // InfluxDB 1.8 ignores org and, without authentication, the token; 2.x needs both.
    defaults.put(INFLUXDB_ORG, "scs");
    defaults.put(INFLUXDB_TOKEN, "scs");
    defaults.put(DGRAPH_ADDRESS, "127.0.0.1:9080");
    defaults.put(LAKE_PATH, ".scs/lake");
    return Collections.unmodifiableMap(defaults);
  }

  public static ServingLayerConfig defaults() {
    return new ServingLayerConfig(DEFAULTS);
  }

  public static ServingLayerConfig fromSystemProperties() {
    Properties properties = System.getProperties();
    Map<String, String> given = new LinkedHashMap<>();
    DEFAULTS.keySet().stream()
        .filter(properties::containsKey)
        .forEach(key -> given.put(key, properties.getProperty(key)));
    return from(given);
  }

  /** The defaults, with each given key replaced by its value. */
  public static ServingLayerConfig from(Map<String, String> given) {
    Map<String, String> merged = new LinkedHashMap<>(DEFAULTS);
    given.forEach(
        (key, value) -> {
          if (!DEFAULTS.containsKey(key)) {
            throw new IllegalArgumentException(
                "unknown serving-layer setting " + key + "; known settings: " + DEFAULTS.keySet());
          }
          merged.put(key, value);
        });
    ServingLayerConfig config = new ServingLayerConfig(Collections.unmodifiableMap(merged));
    config.httpPort();
    return config;
  }

  /** Every key with its value, in a stable order, for printing and for tests. */
  public Map<String, String> asMap() {
    return values;
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

  /** {@code host:port} of one CQL node; the driver discovers the others from it. */
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

  public String influxdbUrl() {
    return values.get(INFLUXDB_URL);
  }

  public String influxdbOrg() {
    return values.get(INFLUXDB_ORG);
  }

  public String influxdbToken() {
    return values.get(INFLUXDB_TOKEN);
  }

  /** {@code host:port} of a Dgraph alpha's gRPC endpoint. */
  public String dgraphAddress() {
    return values.get(DGRAPH_ADDRESS);
  }

  /** Root of the Parquet lake that DuckDB queries. */
  public String lakePath() {
    return values.get(LAKE_PATH);
  }
}
