package dev.scs.batch.store;

import dev.scs.stores.StoreSettings;
import org.apache.spark.sql.SparkSession;

/** The real stores of a run, from the shared store settings. */
public final class StoreConnections {
  private StoreConnections() {}

  public static CassandraConnection cassandra(StoreSettings settings) {
    return new CassandraConnection(
        settings.cassandraContactPoint(),
        settings.cassandraLocalDatacenter(),
        settings.cassandraKeyspace());
  }

  public static BatchStores batchStores(SparkSession spark, StoreSettings settings) {
    return new CassandraBatchStores(spark, cassandra(settings));
  }

  public static CitizenDirectory citizens(SparkSession spark, StoreSettings settings) {
    return new MongoCitizenDirectory(spark, settings.mongodbUri(), settings.mongodbDatabase());
  }

  public static CitizenGraph graph(SparkSession spark, StoreSettings settings) {
    return new DgraphCitizenGraph(spark, settings.dgraphAddress());
  }
}
