package dev.scs.stores;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Where every store of the project listens, and the names the project uses inside them: the one
 * place for these settings, which each layer's config exposes instead of repeating. Keys are {@code
 * group.hyphenated-name}; the defaults are the local stack on 127.0.0.1 ({@code ./scs stack up}).
 *
 * <p>Precedence, highest first: a JVM system property named by the key ({@code
 * -Dcassandra.contact-point=scylla:9042}; under spark-submit, {@code --driver-java-options}), then
 * the default. An unknown key passed to {@link #from(Map)} is rejected, so a typo does not silently
 * fall back to a default.
 */
public final class StoreSettings {

  public static final String KAFKA_BOOTSTRAP_SERVERS = "kafka.bootstrap-servers";
  public static final String CASSANDRA_CONTACT_POINT = "cassandra.contact-point";
  public static final String CASSANDRA_LOCAL_DATACENTER = "cassandra.local-datacenter";
  public static final String CASSANDRA_KEYSPACE = "cassandra.keyspace";
  public static final String MONGODB_URI = "mongodb.uri";
  public static final String MONGODB_DATABASE = "mongodb.database";
  public static final String INFLUXDB_URL = "influxdb.url";
  public static final String INFLUXDB_TOKEN = "influxdb.token";
  public static final String INFLUXDB_ORG = "influxdb.org";
  public static final String DGRAPH_ADDRESS = "dgraph.address";

  private static final Map<String, String> DEFAULTS = defaultValues();

  private final Map<String, String> values;

  private StoreSettings(Map<String, String> values) {
    this.values = values;
  }

  private static Map<String, String> defaultValues() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put(KAFKA_BOOTSTRAP_SERVERS, "127.0.0.1:9092");
    defaults.put(CASSANDRA_CONTACT_POINT, "127.0.0.1:9042");
    // The name Cassandra's SimpleSnitch and a one-node ScyllaDB give their only datacenter.
    defaults.put(CASSANDRA_LOCAL_DATACENTER, "datacenter1");
    defaults.put(CASSANDRA_KEYSPACE, "scs");
    defaults.put(MONGODB_URI, "mongodb://127.0.0.1:27017");
    defaults.put(MONGODB_DATABASE, "scs");
    defaults.put(INFLUXDB_URL, "http://127.0.0.1:8086");
    // InfluxDB 1.8 ignores the token without authentication, and the org always; 2.x needs both.
    defaults.put(INFLUXDB_TOKEN, "scs");
    defaults.put(INFLUXDB_ORG, "scs");
    // An Alpha's gRPC port; dgraph4j reaches the rest of the cluster through it.
    defaults.put(DGRAPH_ADDRESS, "127.0.0.1:9080");
    return Collections.unmodifiableMap(defaults);
  }

  public static StoreSettings defaults() {
    return new StoreSettings(DEFAULTS);
  }

  /** The defaults, each replaced by the JVM system property of the same name when one is set. */
  public static StoreSettings fromSystemProperties() {
    Properties properties = System.getProperties();
    Map<String, String> given = new LinkedHashMap<>();
    DEFAULTS.keySet().stream()
        .filter(properties::containsKey)
        .forEach(key -> given.put(key, properties.getProperty(key)));
    return from(given);
  }

  /** The defaults, with each given key replaced by its value. */
  public static StoreSettings from(Map<String, String> given) {
    Map<String, String> merged = new LinkedHashMap<>(DEFAULTS);
    given.forEach(
        (key, value) -> {
          if (!isKey(key)) {
            throw new IllegalArgumentException(
                "unknown store setting " + key + "; known settings: " + DEFAULTS.keySet());
          }
          merged.put(key, value);
        });
    return new StoreSettings(Collections.unmodifiableMap(merged));
  }

  /** These settings with each given key replaced; unknown keys are rejected as in from(Map). */
  public StoreSettings with(Map<String, String> changes) {
    Map<String, String> merged = new LinkedHashMap<>(values);
    merged.putAll(changes);
    return from(merged);
  }

  /** Every key this class owns, in a stable order. */
  public static Set<String> keys() {
    return DEFAULTS.keySet();
  }

  public static boolean isKey(String key) {
    return DEFAULTS.containsKey(key);
  }

  /** True for a setting whose value must not be printed (the InfluxDB token). */
  public static boolean isSecret(String key) {
    return INFLUXDB_TOKEN.equals(key);
  }

  /** Every key with its value, in a stable order, for printing and for tests. */
  public Map<String, String> asMap() {
    return values;
  }

  /** The Kafka API bootstrap servers, {@code host:port[,host:port...]}. */
  public String kafkaBootstrapServers() {
    return values.get(KAFKA_BOOTSTRAP_SERVERS);
  }

  /** {@code host:port} of one CQL node; the driver discovers the others from it. */
  public String cassandraContactPoint() {
    return values.get(CASSANDRA_CONTACT_POINT);
  }

  public String cassandraLocalDatacenter() {
    return values.get(CASSANDRA_LOCAL_DATACENTER);
  }

  /** The keyspace that schemas/cql/keyspace.cql creates (its {@code scs} renamed to this). */
  public String cassandraKeyspace() {
    return values.get(CASSANDRA_KEYSPACE);
  }

  public String mongodbUri() {
    return values.get(MONGODB_URI);
  }

  /** The database holding the collections of schemas/mongodb/collections.json. */
  public String mongodbDatabase() {
    return values.get(MONGODB_DATABASE);
  }

  public String influxdbUrl() {
    return values.get(INFLUXDB_URL);
  }

  public String influxdbToken() {
    return values.get(INFLUXDB_TOKEN);
  }

  public String influxdbOrg() {
    return values.get(INFLUXDB_ORG);
  }

  @Override
  public String toString() {
    Map<String, String> printable = new LinkedHashMap<>(values);
    printable.replaceAll((key, value) -> isSecret(key) ? "***" : value);
    return "StoreSettings" + printable;
  }

  /** {@code host:port} of a Dgraph Alpha's gRPC endpoint. */
  public String dgraphAddress() {
    return values.get(DGRAPH_ADDRESS);
  }
}
