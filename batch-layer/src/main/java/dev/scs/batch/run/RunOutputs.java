package dev.scs.batch.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.scs.batch.aggregate.RunAggregates;
import dev.scs.batch.graph.GraphMetrics;
import dev.scs.batch.graph.TieGraph;
import dev.scs.batch.lake.Lake;
import dev.scs.batch.lake.LakeRows;
import dev.scs.batch.recompute.RecomputeResult;
import dev.scs.batch.recompute.ScoringInputs;
import dev.scs.batch.store.BatchStores;
import dev.scs.batch.view.BatchRunTables;
import dev.scs.batch.view.CitizenView;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Everything one run writes before it publishes: the lake's tables and the run-keyed tables of the
 * wide-column store. The aggregates are computed once and written to both.
 */
final class RunOutputs {
  private final RecomputeResult result;
  private final Dataset<CitizenView> views;
  private final Watermark watermark;
  private final Lake lake;
  private final BatchRunSettings settings;
  private final RunAggregates aggregates;
  private final double baseScore;
  private Map<String, Dataset<Row>> aggregateRows;

  RunOutputs(
      RecomputeResult result,
      Dataset<CitizenView> views,
      Watermark watermark,
      Dataset<Row> regions,
      Lake lake,
      BatchRunSettings settings,
      ScoringInputs inputs) {
    this.result = result;
    this.views = views;
    this.watermark = watermark;
    this.lake = lake;
    this.settings = settings;
    this.aggregates =
        new RunAggregates(result.accepted(), result.ledger(), result.outcomes(), regions);
    this.baseScore = inputs.config().baseScore();
  }

  Dataset<Row> batchRuleState() {
    return BatchRunTables.ruleState(result.outcomes(), watermark);
  }

  /** Aggregate tables by lake table name, computed once and cached: both sinks read them. */
  Map<String, Dataset<Row>> aggregates() {
    if (aggregateRows == null) {
      String runId = watermark.runId();
      Optional<RunAggregates.PreviousRun> previous =
          lake.previousRun(runId)
              .map(id -> new RunAggregates.PreviousRun(id, lake.readRunTable(Lake.SCORES, id)));
      Map<String, Dataset<Row>> rows = new LinkedHashMap<>();
      rows.put("aggregates/daily", aggregates.daily());
      rows.put(
          "aggregates/score_histogram", aggregates.scoreHistogram(settings.histogramBucketWidth()));
      rows.put("aggregates/tier_counts", aggregates.tierCounts());
      rows.put("aggregates/tier_transitions", aggregates.tierTransitions(previous));
      rows.put("aggregates/rule_hits", aggregates.ruleHits());
      rows.put(
          "aggregates/top_movers", aggregates.topMovers(previous, baseScore, settings.topMovers()));
      rows.replaceAll((table, dataset) -> dataset.persist(StorageLevel.MEMORY_AND_DISK()));
      aggregateRows = rows;
    }
    return aggregateRows;
  }

  void writeLake(RunProgress progress) {
    String runId = watermark.runId();
    long horizon = watermark.epochMillis() - settings.lakeRetentionMillis();
    progress.step(
        "write lake events",
        () ->
            lake.writeEvents(
                LakeRows.events(result.accepted().filter(col("occurredAt").geq(horizon)))));
    progress.step(
        "write lake ledger, scores",
        () -> {
          lake.writeRunTable("ledger", runId, BatchRunTables.ledgerRows(result.ledger(), null));
          lake.writeRunTable(Lake.SCORES, runId, LakeRows.scores(result.outcomes(), watermark));
        });
    progress.step(
        "write lake aggregates",
        () -> aggregates().forEach((table, rows) -> lake.writeRunTable(table, runId, rows)));
    progress.step(
        "write lake graph ties, metrics",
        () -> {
          Dataset<Row> ties =
              TieGraph.liveTies(result.accepted()).persist(StorageLevel.MEMORY_AND_DISK());
          try {
            lake.writeRunTable(Lake.GRAPH_TIES, runId, ties);
            lake.writeRunTable(
                Lake.GRAPH_METRICS,
                runId,
                GraphMetrics.compute(TieGraph.edgesOf(ties), settings.pageRankIterations()));
          } finally {
            ties.unpersist();
          }
        });
  }

  /** The run's rows of keyspace.cql: ledger, view, rule state and the serving aggregates. */
  void writeRunTables(BatchStores stores) {
    stores.write("batch_ledger", BatchRunTables.ledger(result, watermark));
    stores.write("batch_view", BatchRunTables.viewRows(views, watermark));
    stores.write("batch_rule_state", batchRuleState());
    Map<String, Dataset<Row>> rows = aggregates();
    stores.write(
        "batch_daily_counts", keyed(rows.get("aggregates/daily").withColumnRenamed("date", "day")));
    stores.write("batch_score_histogram", keyed(rows.get("aggregates/score_histogram")));
    stores.write("batch_tier_counts", keyed(rows.get("aggregates/tier_counts")));
    stores.write("batch_tier_transitions", keyed(rows.get("aggregates/tier_transitions")));
    stores.write("batch_rule_hits", keyed(rows.get("aggregates/rule_hits")));
    stores.write("batch_top_movers", keyed(rows.get("aggregates/top_movers")));
  }

  /** The lake's runs row: written after the publish, it marks the run's partitions complete. */
  Dataset<Row> runRow(long publishedAt, RecomputeResult.Summary summary) {
    StructType schema =
        new StructType()
            .add("watermark", DataTypes.LongType)
            .add("published_at", DataTypes.LongType)
            .add("events", DataTypes.LongType)
            .add("firings", DataTypes.LongType)
            .add("citizens", DataTypes.LongType);
    Row row =
        RowFactory.create(
            watermark.epochMillis(),
            publishedAt,
            summary.accepted(),
            summary.firings(),
            summary.citizens());
    return views
        .sparkSession()
        .createDataFrame(java.util.List.of(row), schema)
        .selectExpr(
            "timestamp_millis(watermark) as watermark",
            "timestamp_millis(published_at) as published_at",
            "events",
            "firings",
            "citizens");
  }

  private Dataset<Row> keyed(Dataset<Row> rows) {
    return rows.select(lit(watermark.runId()).as("run_id"), col("*"));
  }
}
