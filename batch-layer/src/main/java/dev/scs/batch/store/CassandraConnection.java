package dev.scs.batch.store;

import com.datastax.spark.connector.cql.CassandraConnector;
import java.io.Serializable;
import java.util.Map;
import org.apache.spark.SparkConf;

/**
 * Where the wide-column store listens, as the cassandra connector's settings. They travel with each
 * read and write rather than in the SparkSession, so that one session can talk to any keyspace
 * (tests give each run its own).
 *
 * @param contactPoint {@code host:port} of one node
 * @param localDatacenter the datacenter the driver treats as local
 * @param keyspace the keyspace of schemas/cql/keyspace.cql
 */
public record CassandraConnection(String contactPoint, String localDatacenter, String keyspace)
    implements Serializable {

  public CassandraConnection {
    int colon = contactPoint.lastIndexOf(':');
    if (colon <= 0 || colon == contactPoint.length() - 1) {
      throw new IllegalArgumentException(
          "cassandra.contact-point must be host:port (for example 127.0.0.1:9042), but was \""
              + contactPoint
              + "\"");
    }
  }

  public String host() {
    return contactPoint.substring(0, contactPoint.lastIndexOf(':'));
  }

  public String port() {
    return contactPoint.substring(contactPoint.lastIndexOf(':') + 1);
  }

  /** Options of a cassandra read or write of {@code table}. */
  public Map<String, String> tableOptions(String table) {
    return Map.of(
        "spark.cassandra.connection.host", host(),
        "spark.cassandra.connection.port", port(),
        "spark.cassandra.connection.localDC", localDatacenter,
        "keyspace", keyspace,
        "table", table);
  }

  /** A connector for statements the DataFrame API cannot express (deletes, single rows). */
  public CassandraConnector connector() {
    return CassandraConnector.apply(
        new SparkConf(false)
            .set("spark.cassandra.connection.host", host())
            .set("spark.cassandra.connection.port", port())
            .set("spark.cassandra.connection.localDC", localDatacenter));
  }
}
