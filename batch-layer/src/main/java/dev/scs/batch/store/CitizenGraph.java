package dev.scs.batch.store;

import dev.scs.batch.graph.CitizenNodeValues;
import org.apache.spark.sql.Dataset;

/**
 * The social graph's citizen nodes (Dgraph, schemas/dgraph/schema.dql), which a published run sets
 * to its batch score and graph metrics. {@link DgraphCitizenGraph} is the real one; tests pass a
 * fake.
 */
public interface CitizenGraph {
  /**
   * Sets batch_score (where the row has one), degree and pagerank on each citizen's node, creating
   * the nodes that are absent and keeping every other value (the speed layer's score and tier, the
   * ties). Idempotent: writing the same rows again leaves the same values.
   *
   * @return how many citizens' nodes were written
   */
  long write(Dataset<CitizenNodeValues> nodes);
}
