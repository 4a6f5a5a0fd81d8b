package dev.scs.batch.store;

import dev.scs.batch.view.ServedScore;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The registered citizens (MongoDB's citizens collection): their regions for the aggregates, and
 * the current score and tier that a published run reconciles.
 */
public interface CitizenDirectory {
  /**
   * Every registered citizen: citizen_id, region, and the score (double), tier, raw (double) and
   * score_updated_at (bigint, epoch ms) stored now; each but citizen_id may be null. Read once, on
   * the driver, when called: a run calls it before it reads the speed ledger.
   */
  Dataset<Row> citizens();

  /**
   * Sets each citizen's score, raw score, tier and score_updated_at, where the stored raw score and
   * score_updated_at still are the ones the run read ({@link ServedScore#getStoredRaw}): a citizen
   * the speed layer scored since keeps that newer score.
   *
   * @return how many citizens were updated, and how many scores had no registered citizen
   */
  Reconciliation reconcile(Dataset<ServedScore> scores);

  /**
   * @param updated citizens set to the served score
   * @param skipped served scores not written: no registered citizen, or the speed layer scored the
   *     citizen after the run read it
   * @param unchanged citizens whose stored score and tier already were the served ones
   */
  record Reconciliation(long updated, long skipped, long unchanged) {
    public Reconciliation withUnchanged(long count) {
      return new Reconciliation(updated, skipped, count);
    }
  }
}
