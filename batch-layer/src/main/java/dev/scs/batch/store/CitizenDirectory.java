package dev.scs.batch.store;

import dev.scs.batch.view.ServedScore;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The registered citizens (MongoDB's citizens collection): their regions for the aggregates, and
 * the current score and tier that a published run reconciles.
 */
public interface CitizenDirectory {
  /** citizen_id and region (null when unknown) of every registered citizen. */
  Dataset<Row> regions();

  /**
   * Sets each citizen's score, raw score, tier and score_updated_at.
   *
   * @return how many citizens were updated, and how many scores had no registered citizen
   */
  Reconciliation reconcile(Dataset<ServedScore> scores);

  record Reconciliation(long updated, long notFound) {}
}
