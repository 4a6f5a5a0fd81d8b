package dev.scs.testing;

import java.util.List;

/** A server of the local stack that an integration test can require. */
public enum Service {
  KAFKA("Kafka", startedBy("kafka")),
  CASSANDRA("Cassandra", startedBy("cassandra")),
  MONGODB("MongoDB (FerretDB in the local stack)", startedBy("ferretdb")),
  INFLUXDB("InfluxDB", startedBy("influxdb")),
  // The Go module proxy refuses every Dgraph module, so ./scs stack cannot build one here.
  DGRAPH(
      "Dgraph",
      "the local stack has no Dgraph (its Go module is not served to this machine): start one"
          + " elsewhere");

  private final String displayName;
  private final String howToStart;

  Service(String displayName, String howToStart) {
    this.displayName = displayName;
    this.howToStart = howToStart;
  }

  private static String startedBy(String stackService) {
    return "run ./scs stack up " + stackService + " (or ./scs stack status to see what is down)";
  }

  public String displayName() {
    return displayName;
  }

  /** What the reader should do when the server does not answer. */
  public String howToStart() {
    return howToStart;
  }

  /**
   * What must answer before a test may use this server. HTTP servers are asked for {@code /health},
   * which answers only once they serve requests; the others get a TCP connect.
   */
  List<ServerProbe> probes(LocalStackAddresses addresses) {
    return switch (this) {
      case KAFKA ->
          List.of(ServerProbe.tcp(this, LocalStackAddresses.KAFKA_KEY, addresses.kafka()));
      case CASSANDRA ->
          List.of(ServerProbe.tcp(this, LocalStackAddresses.CASSANDRA_KEY, addresses.cassandra()));
      case MONGODB ->
          List.of(ServerProbe.tcp(this, LocalStackAddresses.MONGODB_KEY, addresses.mongodb()));
      case INFLUXDB ->
          List.of(ServerProbe.http(this, LocalStackAddresses.INFLUXDB_KEY, addresses.influxdb()));
      case DGRAPH ->
          List.of(
              ServerProbe.http(this, LocalStackAddresses.DGRAPH_HTTP_KEY, addresses.dgraphHttp()),
              ServerProbe.tcp(this, LocalStackAddresses.DGRAPH_KEY, addresses.dgraph()));
    };
  }
}
