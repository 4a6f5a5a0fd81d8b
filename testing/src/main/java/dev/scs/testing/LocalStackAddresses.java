package dev.scs.testing;

import java.util.Optional;
import java.util.function.Function;

/**
 * Where the servers of the local stack listen. {@code ./scs stack up} starts them on 127.0.0.1 at
 * the default ports below.
 *
 * <p>Precedence inside tests, highest first: a configuration parameter given to the JUnit launcher,
 * a JVM system property ({@code mvn verify -Dscs.stack.cassandra.address=host:9042}), {@code
 * junit-platform.properties}, the default; that is JUnit's own order for configuration parameters,
 * which {@link RequiresLocalStack} reads. {@link #fromSystemProperties()} reads system properties
 * over the defaults.
 */
public final class LocalStackAddresses {

  public static final String KAFKA_KEY = "scs.stack.kafka.address";
  public static final String CASSANDRA_KEY = "scs.stack.cassandra.address";
  public static final String MONGODB_KEY = "scs.stack.mongodb.address";
  public static final String INFLUXDB_KEY = "scs.stack.influxdb.address";

  /** Dgraph alpha's gRPC endpoint, the one dgraph4j talks to. */
  public static final String DGRAPH_KEY = "scs.stack.dgraph.address";

  /** Dgraph alpha's HTTP endpoint: {@code /health}, {@code /alter}, {@code /query}. */
  public static final String DGRAPH_HTTP_KEY = "scs.stack.dgraph.http-address";

  private static final String LOOPBACK = "127.0.0.1";

  private final ServerAddress kafka;
  private final ServerAddress cassandra;
  private final ServerAddress mongodb;
  private final ServerAddress influxdb;
  private final ServerAddress dgraph;
  private final ServerAddress dgraphHttp;

  private LocalStackAddresses(Function<String, Optional<String>> lookup) {
    kafka = address(lookup, KAFKA_KEY, 9092);
    cassandra = address(lookup, CASSANDRA_KEY, 9042);
    mongodb = address(lookup, MONGODB_KEY, 27017);
    influxdb = address(lookup, INFLUXDB_KEY, 8086);
    dgraph = address(lookup, DGRAPH_KEY, 9080);
    dgraphHttp = address(lookup, DGRAPH_HTTP_KEY, 8080);
  }

  public static LocalStackAddresses defaults() {
    return new LocalStackAddresses(key -> Optional.empty());
  }

  public static LocalStackAddresses fromSystemProperties() {
    return new LocalStackAddresses(key -> Optional.ofNullable(System.getProperty(key)));
  }

  /** Reads each key through {@code lookup}; a key it does not know keeps its default. */
  public static LocalStackAddresses from(Function<String, Optional<String>> lookup) {
    return new LocalStackAddresses(lookup);
  }

  private static ServerAddress address(
      Function<String, Optional<String>> lookup, String key, int defaultPort) {
    return lookup
        .apply(key)
        .filter(value -> !value.isBlank())
        .map(value -> ServerAddress.parse(key, value.trim()))
        .orElseGet(() -> new ServerAddress(LOOPBACK, defaultPort));
  }

  /** The Kafka API bootstrap server (a Kafka broker locally, Redpanda in production). */
  public ServerAddress kafka() {
    return kafka;
  }

  /** The CQL native transport (Cassandra locally, ScyllaDB in production). */
  public ServerAddress cassandra() {
    return cassandra;
  }

  /** The MongoDB wire protocol (FerretDB locally, MongoDB in production). */
  public ServerAddress mongodb() {
    return mongodb;
  }

  /** InfluxDB's HTTP API, including the v2 {@code /api/v2/write} and {@code /api/v2/query}. */
  public ServerAddress influxdb() {
    return influxdb;
  }

  public ServerAddress dgraph() {
    return dgraph;
  }

  public ServerAddress dgraphHttp() {
    return dgraphHttp;
  }

  @Override
  public String toString() {
    return "LocalStackAddresses[kafka=%s, cassandra=%s, mongodb=%s, influxdb=%s, dgraph=%s, dgraphHttp=%s]"
        .formatted(kafka, cassandra, mongodb, influxdb, dgraph, dgraphHttp);
  }
}
