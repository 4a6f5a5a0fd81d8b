package dev.scs.batch.whatif;

import dev.scs.batch.archive.ArchiveTable;
import dev.scs.batch.lake.Lake;
import dev.scs.batch.recompute.CanonicalRecompute;
import dev.scs.batch.recompute.IngestedRecord;
import dev.scs.batch.recompute.RecomputeResult;
import dev.scs.batch.recompute.ScoringInputs;
import dev.scs.batch.run.Watermark;
import dev.scs.batch.store.BatchStores;
import org.apache.spark.sql.Dataset;
import org.apache.spark.storage.StorageLevel;

/**
 * A what-if: the archive before W recomputed with the current rules and with another rule set,
 * compared, and written to the lake under {@code what-if/}. It reads the stores and writes only the
 * lake: nothing is published and no reader's view changes.
 */
public final class WhatIf {
  public static final String CITIZENS = "what-if/citizens";
  public static final String TIER_SHIFT = "what-if/tier_shift";
  public static final String SCORE_SHIFT = "what-if/score_shift";

  private final ScoringInputs current;
  private final ScoringInputs alternative;
  private final BatchStores stores;
  private final Lake lake;
  private final int bucketWidth;

  public WhatIf(
      ScoringInputs current,
      ScoringInputs alternative,
      BatchStores stores,
      Lake lake,
      int bucketWidth) {
    this.current = current;
    this.alternative = alternative;
    this.stores = stores;
    this.lake = lake;
    this.bucketWidth = bucketWidth;
  }

  public WhatIfSummary run(Watermark watermark, String comparisonId) {
    Dataset<IngestedRecord> records =
        ArchiveTable.asIngestedRecords(ArchiveTable.ingestedBefore(stores.archive(), watermark))
            .persist(StorageLevel.MEMORY_AND_DISK());
    long asOf = watermark.epochMillis();
    try (RecomputeResult before = new CanonicalRecompute(current, null, asOf).run(records);
        RecomputeResult after = new CanonicalRecompute(alternative, null, asOf).run(records)) {
      WhatIfComparison comparison = new WhatIfComparison(before.outcomes(), after.outcomes());
      lake.writePartition(CITIZENS, "comparison_id", comparisonId, comparison.citizens());
      lake.writePartition(TIER_SHIFT, "comparison_id", comparisonId, comparison.tierShift());
      lake.writePartition(
          SCORE_SHIFT, "comparison_id", comparisonId, comparison.scoreShift(bucketWidth));
      return comparison.summarize(5);
    } finally {
      records.unpersist();
    }
  }
}
