package dev.scs.batch.speed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.scs.batch.fixtures.TestSpark;
import dev.scs.batch.run.Watermark;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SpeedSideRebuildTest {
  private static final long DAY = 86_400_000L;
  private static final long HALF_LIFE = 180 * DAY;
  private static final Watermark W = new Watermark(100 * DAY);
  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = TestSpark.session();
  }

  private static Row ledgerRow(
      String citizen, String eventId, String rule, long at, String delta, long ingestedAt) {
    return RowFactory.create(
        citizen,
        new Timestamp(at),
        eventId,
        rule,
        1,
        new BigDecimal(delta).setScale(18),
        HALF_LIFE,
        new Timestamp(ingestedAt));
  }

  private static Dataset<Row> speedLedger() {
    Dataset<Row> ledger =
        spark.createDataFrame(
            List.of(
                ledgerRow("c-1", "e1", "r1", 98 * DAY, "-10", 98 * DAY),
                ledgerRow("c-1", "e2", "r1", 99 * DAY, "4", 100 * DAY),
                ledgerRow("c-1", "e3", "r2", 101 * DAY, "-2.5", 101 * DAY),
                ledgerRow("c-3", "e4", "r1", 102 * DAY, "1", 102 * DAY)),
            SpeedLedgerTable.SCHEMA);
    return SpeedLedgerTable.ingestedFrom(ledger, W);
  }

  @Test
  void theSpeedViewKeepsOnlyFiringsIngestedFromTheWatermarkOnAndEmptiesTheOthers() {
    Dataset<Row> currentViewCitizens =
        spark.createDataFrame(
            List.of(RowFactory.create("c-1"), RowFactory.create("c-2")),
            StructType.fromDDL("citizen_id STRING"));

    Map<String, Row> views = new HashMap<>();
    for (Row row :
        SpeedSideRebuild.speedView(
                SpeedLedgerTable.byCitizen(speedLedger()), currentViewCitizens, W)
            .collectAsList()) {
      views.put(row.getAs("citizen_id"), row);
    }

    assertThat(views).containsOnlyKeys("c-1", "c-2", "c-3");
    Row citizen1 = views.get("c-1");
    assertThat(citizen1.<Long>getAs("firings")).isEqualTo(2);
    assertThat(citizen1.<Timestamp>getAs("watermark").getTime()).isEqualTo(W.epochMillis());
    assertThat(citizen1.<Timestamp>getAs("latest_firing_at").getTime()).isEqualTo(101 * DAY);
    // Sums at W: the firing a day before decays, the one a day after grows.
    double expected = 4 * Math.pow(2, -1.0 / 180) - 2.5 * Math.pow(2, 1.0 / 180);
    assertThat(citizen1.<Long, Double>getJavaMap(citizen1.fieldIndex("sums")).get(HALF_LIFE))
        .isCloseTo(expected, within(1e-9));
    Row emptied = views.get("c-2");
    assertThat(emptied.<Long>getAs("firings")).isZero();
    assertThat(emptied.getJavaMap(emptied.fieldIndex("sums"))).isEmpty();
    assertThat(emptied.<Timestamp>getAs("latest_firing_at")).isNull();
  }

  @Test
  void theRuleStateIsTheRunsStateWithTheSpeedFiringTimesAddedAndStaleRulesGo() {
    Dataset<Row> batchState =
        spark.createDataFrame(
            List.of(
                RowFactory.create(
                    "c-1", "r1", List.of(new Timestamp(95 * DAY), new Timestamp(99 * DAY)))),
            StructType.fromDDL("citizen_id STRING, rule_id STRING, firing_times ARRAY<TIMESTAMP>"));

    Dataset<Row> rebuilt = SpeedSideRebuild.ruleState(batchState, speedLedger(), 200 * DAY);
    Dataset<Row> currentKeys =
        spark.createDataFrame(
            List.of(RowFactory.create("c-1", "r1"), RowFactory.create("c-9", "r7")),
            StructType.fromDDL("citizen_id STRING, rule_id STRING"));

    Map<String, List<Long>> times = new HashMap<>();
    for (Row row : rebuilt.collectAsList()) {
      times.put(
          row.getAs("citizen_id") + "/" + row.getAs("rule_id"),
          row.<Timestamp>getList(row.fieldIndex("firing_times")).stream()
              .map(Timestamp::getTime)
              .toList());
    }
    assertThat(times)
        .containsOnly(
            Map.entry("c-1/r1", List.of(95 * DAY, 99 * DAY)),
            Map.entry("c-1/r2", List.of(101 * DAY)),
            Map.entry("c-3/r1", List.of(102 * DAY)));
    assertThat(SpeedSideRebuild.staleRuleStateKeys(currentKeys, rebuilt).collectAsList())
        .extracting(Row::toString)
        .containsExactly("[c-9,r7]");
  }
}
