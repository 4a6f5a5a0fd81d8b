package dev.scs.batch.aggregate;

import static dev.scs.batch.fixtures.RecomputeRows.accepted;
import static dev.scs.batch.fixtures.RecomputeRows.firing;
import static dev.scs.batch.fixtures.RecomputeRows.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.batch.fixtures.TestSpark;
import dev.scs.batch.recompute.CitizenOutcome;
import dev.scs.batch.recompute.LedgerEntry;
import dev.scs.batch.recompute.ValidatedRecord;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RunAggregatesTest {
  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = TestSpark.session();
  }

  private static RunAggregates aggregates(
      List<ValidatedRecord> events, List<LedgerEntry> ledger, List<CitizenOutcome> outcomes) {
    Dataset<Row> regions =
        spark.createDataFrame(
            List.of(RowFactory.create("c-1", "north"), RowFactory.create("c-2", null)),
            StructType.fromDDL("citizen_id STRING, region STRING"));
    return new RunAggregates(
        spark.createDataset(events, Encoders.bean(ValidatedRecord.class)),
        spark.createDataset(ledger, Encoders.bean(LedgerEntry.class)),
        spark.createDataset(outcomes, Encoders.bean(CitizenOutcome.class)),
        regions);
  }

  private static List<String> sorted(Dataset<Row> rows) {
    return rows.collectAsList().stream().map(Row::toString).sorted().toList();
  }

  @Test
  void dailyCountsAndPointsAreByUtcDayOfTheEventRegionAndType() {
    RunAggregates aggregates =
        aggregates(
            List.of(
                accepted("e1", "c-1", "payment.on_time", "2026-03-01T23:59:59.999Z", "{}"),
                accepted("e2", "c-1", "payment.on_time", "2026-03-02T00:30:00+02:00", "{}"),
                accepted("e3", "c-1", "payment.on_time", "2026-03-02T08:00:00Z", "{}"),
                accepted("e4", "c-2", "donation.made", "2026-03-01T10:00:00Z", "{}")),
            List.of(
                firing("e1", "c-1", "on-time", "2026-03-01T23:59:59.999Z", "2.00"),
                firing("e4", "c-2", "donation", "2026-03-01T10:00:00Z", "5.00"),
                firing("e4", "c-2", "generous", "2026-03-01T10:00:00Z", "1.50")),
            List.of());

    assertThat(sorted(aggregates.daily()))
        .containsExactly(
            "[2026-03-01,none,donation.made,1,6.50]",
            "[2026-03-01,north,payment.on_time,2,2.00]",
            "[2026-03-02,north,payment.on_time,1,0.00]");
  }

  @Test
  void theHistogramCountsScoresPerBucketAndTheTiersPerTier() {
    RunAggregates aggregates =
        aggregates(
            List.of(),
            List.of(),
            List.of(
                outcome("c-1", "949.99", "watch"),
                outcome("c-2", "950.00", "standard"),
                outcome("c-3", "1200.00", "exemplary"),
                outcome("c-4", "960.10", "standard")));

    assertThat(sorted(aggregates.scoreHistogram(50)))
        .containsExactly("[1200,50,1]", "[900,50,1]", "[950,50,2]");
    assertThat(sorted(aggregates.tierCounts()))
        .containsExactly("[exemplary,1]", "[standard,2]", "[watch,1]");
  }

  @Test
  void tierTransitionsCountCitizensPerPreviousAndCurrentTierWithNewCitizensFromNone() {
    RunAggregates aggregates =
        aggregates(
            List.of(),
            List.of(),
            List.of(
                outcome("c-1", "960.00", "standard"),
                outcome("c-2", "955.00", "standard"),
                outcome("c-3", "1060.00", "trusted")));
    Dataset<Row> previous =
        spark
            .createDataFrame(
                List.of(
                    RowFactory.create("c-1", "900.00", "watch"),
                    RowFactory.create("c-2", "990.00", "standard")),
                StructType.fromDDL("citizen_id STRING, score STRING, tier STRING"))
            .selectExpr("citizen_id", "cast(score as decimal(18,2)) as score", "tier");

    Dataset<Row> transitions =
        aggregates.tierTransitions(Optional.of(new RunAggregates.PreviousRun("R0", previous)));

    assertThat(sorted(transitions))
        .containsExactly(
            "[R0,none,trusted,1]", "[R0,standard,standard,1]", "[R0,watch,standard,1]");
  }

  @Test
  void topMoversRankTheLargestChangesEachWayAndNewCitizensMoveFromTheBaseScore() {
    RunAggregates aggregates =
        aggregates(
            List.of(),
            List.of(),
            List.of(
                outcome("c-1", "960.00", "standard"),
                outcome("c-2", "955.00", "standard"),
                outcome("c-3", "1060.00", "trusted"),
                outcome("c-4", "700.00", "restricted"),
                outcome("c-5", "990.00", "standard")));
    Dataset<Row> previous =
        spark
            .createDataFrame(
                List.of(
                    RowFactory.create("c-1", "900.00", "watch"),
                    RowFactory.create("c-2", "990.00", "standard"),
                    RowFactory.create("c-4", "800.00", "watch"),
                    RowFactory.create("c-5", "990.00", "standard")),
                StructType.fromDDL("citizen_id STRING, score STRING, tier STRING"))
            .selectExpr("citizen_id", "cast(score as decimal(18,2)) as score", "tier");

    Dataset<Row> movers =
        aggregates.topMovers(Optional.of(new RunAggregates.PreviousRun("R0", previous)), 1000, 1);

    assertThat(sorted(movers))
        .containsExactly(
            "[down,1,c-4,800.00,700.00,-100.00,R0]", "[up,1,c-1,900.00,960.00,60.00,R0]");
    assertThat(sorted(aggregates.topMovers(Optional.empty(), 1000, 5)))
        .contains("[up,1,c-3,1000.00,1060.00,60.00,null]");
  }

  @Test
  void ruleHitsCountFiringsAndPointsPerRuleVersion() {
    RunAggregates aggregates =
        aggregates(
            List.of(),
            List.of(
                firing("e1", "c-1", "on-time", "2026-03-01T00:00:00Z", "2.00"),
                firing("e2", "c-2", "on-time", "2026-03-02T00:00:00Z", "2.00"),
                firing("e3", "c-2", "late", "2026-03-02T00:00:00Z", "-7.25")),
            List.of());

    assertThat(sorted(aggregates.ruleHits()))
        .containsExactly("[late,1,1,-7.25]", "[on-time,1,2,4.00]");
  }
}
