package dev.scs.batch.store;

import dev.scs.batch.graph.CitizenNodeValues;
import dev.scs.stores.StoreSettings;
import dev.scs.stores.dgraph.CitizenNode;
import dev.scs.stores.dgraph.DgraphConnection;
import dev.scs.stores.dgraph.SocialGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;

/**
 * Citizen nodes in Dgraph through the stores' {@link SocialGraph}, written from the executors: each
 * writing task opens one connection to the Alpha and hands the graph its rows in chunks, so no more
 * than a chunk per task is in memory and nothing is collected on the driver.
 */
public final class DgraphCitizenGraph implements CitizenGraph {
  /**
   * Rows per call of {@link SocialGraph#upsertCitizens}, which splits them into requests of 500
   * citizens, each a transaction of its own.
   */
  static final int NODES_PER_CALL = 2_000;

  /**
   * At most this many tasks write at once: a few requests in flight keep the Alpha busy, and a run
   * with hundreds of shuffle partitions would otherwise open as many connections. A coalesce, so
   * the stage before keeps its width when the rows handed over are cached.
   */
  static final int MAX_WRITING_TASKS = 4;

  private final SparkSession spark;
  private final String address;

  public DgraphCitizenGraph(SparkSession spark, String address) {
    this.spark = spark;
    this.address = address;
  }

  @Override
  public long write(Dataset<CitizenNodeValues> nodes) {
    LongAccumulator written = spark.sparkContext().longAccumulator("dgraph citizens written");
    String alpha = address;
    nodes
        .coalesce(MAX_WRITING_TASKS)
        .foreachPartition(
            (ForeachPartitionFunction<CitizenNodeValues>)
                partition -> {
                  StoreSettings settings =
                      StoreSettings.from(Map.of(StoreSettings.DGRAPH_ADDRESS, alpha));
                  try (DgraphConnection connection = DgraphConnection.open(settings)) {
                    SocialGraph graph = new SocialGraph(connection.client());
                    List<CitizenNode> chunk = new ArrayList<>(NODES_PER_CALL);
                    while (partition.hasNext()) {
                      chunk.add(node(partition.next()));
                      if (chunk.size() == NODES_PER_CALL || !partition.hasNext()) {
                        graph.upsertCitizens(chunk);
                        written.add(chunk.size());
                        chunk.clear();
                      }
                    }
                  }
                });
    return written.value();
  }

  /** The node's values: batch_score only where the run has one, the metrics always. */
  static CitizenNode node(CitizenNodeValues values) {
    CitizenNode node =
        CitizenNode.of(values.getCitizenId())
            .with("degree", values.getDegree())
            .with("pagerank", values.getPagerank());
    return values.getBatchScore() == null ? node : node.with("batch_score", values.getBatchScore());
  }
}
