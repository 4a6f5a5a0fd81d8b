package dev.scs.serving.support;

import static dev.scs.serving.support.Scoring.DAY;
import static dev.scs.serving.support.Scoring.at;
import static dev.scs.serving.support.Scoring.firing;

import dev.scs.schemas.ContractFile;
import dev.scs.scoring.rules.RuleSet;
import dev.scs.scoring.rules.RuleSetParser;
import dev.scs.serving.ServingApi;
import dev.scs.serving.analytics.AnalyticsRoutes;
import dev.scs.serving.analytics.ParquetLake;
import dev.scs.serving.explain.ArchivedEvent;
import dev.scs.serving.explain.ExplanationRoutes;
import dev.scs.serving.graph.GraphRoutes;
import dev.scs.serving.graph.LakeTieSource;
import dev.scs.serving.history.HistoryRoutes;
import dev.scs.serving.history.ScoreHistory;
import dev.scs.serving.http.HealthCheck;
import dev.scs.serving.pipeline.BatchRuns;
import dev.scs.serving.pipeline.PipelineRoutes;
import dev.scs.serving.pipeline.SpeedMetrics;
import dev.scs.serving.rules.RuleRoutes;
import dev.scs.serving.score.ScoreRoutes;
import dev.scs.serving.score.ScoreService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every port of the API as a hand-written fake (the lake is a real, small Parquet lake read by
 * embedded DuckDB), with a little world in it: citizens c-1 to c-5, c-1 scored on both sides of the
 * watermark, ties c-1 - c-2 - c-3 - c-4. Each fake records what it was asked, so tests can check
 * that nothing reached a store.
 */
public final class FakeWorld implements AutoCloseable {
  public static final String ADMIN_KEY = "test-admin-key";
  public static final long W = at("2026-05-01T07:13:00Z");
  public static final long NOW = at("2026-05-03T00:00:00Z");

  public final FakeViewStore views =
      new FakeViewStore()
          .publishBatch(
              "20260501T071300.000Z",
              W,
              List.of(
                  firing("c-1", "e-1", "2026-04-01T00:00:00Z", "100"),
                  firing("c-1", "e-2", "2026-04-20T00:00:00Z", "60"),
                  firing("c-2", "e-3", "2026-04-21T00:00:00Z", "60")))
          .streamed(firing("c-1", "e-4", "2026-05-02T00:00:00Z", "-5"), W + DAY, W);
  public final FakeCitizenDirectory citizens =
      new FakeCitizenDirectory()
          .register("c-1", "north", 1155.0, "exemplary")
          .register("c-2", "south", 1060.0, "trusted")
          .register("c-3", "north", 800.0, null)
          .register("c-4", "north", 1070.0, "trusted")
          .register("c-5", "south", 1000.0, "standard");
  public final Map<String, ArchivedEvent> events = new TreeMap<>();
  public final FakeRuleCatalog rules = new FakeRuleCatalog(ContractFile.DEFAULT_RULE_SET.read());
  public final List<String> historyQueries = new ArrayList<>();
  public final List<Duration> metricsWindows = new ArrayList<>();
  public final ParquetLake lake = new ParquetLake(TestLake.create());
  public final ScoreService scores =
      new ScoreService(views, citizens, Scoring::defaultConfig, () -> NOW);

  public FakeWorld() {
    events.put(
        "e-1",
        new ArchivedEvent(
            "e-1",
            "volunteer.shift",
            "{\"event_id\":\"e-1\",\"citizen_id\":\"c-1\",\"type\":\"volunteer.shift\"}"));
  }

  public ServingApi api() {
    ScoreHistory history =
        (citizen, from, to, every) -> {
          historyQueries.add(citizen);
          return citizen.equals("c-1")
              ? List.of(
                  new ScoreHistory.HistoryPoint(at("2026-05-01T00:00:00Z"), 1150.0, 150.0),
                  new ScoreHistory.HistoryPoint(at("2026-05-02T00:00:00Z"), 1145.0, 145.0))
              : List.of();
        };
    SpeedMetrics speed =
        window -> {
          metricsWindows.add(window);
          return new SpeedMetrics.Snapshot(
              "speed-layer", NOW - 1000, 12L, 40.5, 80.25, 360, Map.of("schema_violation", 3L));
        };
    BatchRuns runs =
        () ->
            Optional.of(
                new BatchRuns.RunRecord(
                    "20260501T071300.000Z", W, "reconciled", W + 1000, W + 60_000, 10L, 6L, 5L));
    return new ServingApi()
        .withScores(new ScoreRoutes(scores, citizens))
        .with(
            new ExplanationRoutes(views, citizenId -> events, citizens, FakeWorld::ruleSet, scores)
                ::register)
        .with(new RuleRoutes(rules, ADMIN_KEY, () -> {})::register)
        .with(new HistoryRoutes(history, citizens, () -> NOW)::register)
        .with(new PipelineRoutes(speed, runs, views)::register)
        .with(new AnalyticsRoutes(lake, citizens, () -> NOW)::register)
        .with(new GraphRoutes(new LakeTieSource(lake), citizens)::register)
        .withHealthCheck(check("cassandra", "ok"))
        .withHealthCheck(check("lake", "ok"));
  }

  private static RuleSet ruleSet() {
    try {
      return RuleSetParser.parse(ContractFile.DEFAULT_RULE_SET.read());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static HealthCheck check(String name, String result) {
    return new HealthCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String check() {
        return result;
      }
    };
  }

  @Override
  public void close() {
    lake.close();
  }
}
