package dev.scs.batch.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.batch.fixtures.InMemoryBatchStores;
import dev.scs.batch.fixtures.SmallWorld;
import dev.scs.batch.fixtures.TestSpark;
import dev.scs.batch.lake.Lake;
import dev.scs.batch.recompute.ScoringInputs;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WhatIfTest {

  @Test
  void withoutAnyRuleEveryCitizenMovesToTheBaseScoreAndNothingIsPublished(@TempDir Path root)
      throws Exception {
    SparkSession spark = TestSpark.session();
    SmallWorld world = new SmallWorld(spark);
    InMemoryBatchStores stores = world.stores();
    ScoringInputs noRules = ScoringInputs.parse("[]", world.vector().vector().configJson());
    Lake lake = new Lake(spark, root.toString());

    WhatIfSummary summary =
        new WhatIf(world.inputs(), noRules, stores, lake, 50)
            .run(world.vector().watermark(), "no-rules");

    List<Row> citizens =
        spark
            .read()
            .parquet(root.resolve("what-if/citizens/comparison_id=no-rules").toString())
            .orderBy("citizen_id")
            .collectAsList();
    assertThat(citizens)
        .extracting(row -> row.<String>getAs("citizen_id"))
        .containsExactly("c-1", "c-2", "c-3");
    assertThat(citizens)
        .allSatisfy(
            row -> {
              assertThat(row.<BigDecimal>getAs("score_after")).isEqualByComparingTo("1000.00");
              assertThat(row.<String>getAs("tier_after")).isEqualTo("standard");
              assertThat(row.<BigDecimal>getAs("change"))
                  .isEqualByComparingTo(
                      new BigDecimal("1000.00").subtract(row.<BigDecimal>getAs("score_before")));
            });
    assertThat(summary.citizens()).isEqualTo(3);
    assertThat(summary.changedScores()).isEqualTo(3);
    assertThat(summary.tierLines()).anyMatch(line -> line.startsWith("standard"));
    assertThat(root.resolve("what-if/tier_shift/comparison_id=no-rules")).isDirectory();
    assertThat(root.resolve("what-if/score_shift/comparison_id=no-rules")).isDirectory();
    assertThat(stores.writes()).isEmpty();
    assertThat(stores.publishedRun()).isEmpty();
  }
}
