package dev.scs.serving;

import com.datastax.oss.driver.api.core.CqlSession;
import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.scs.scoring.config.ScoringConfig;
import dev.scs.scoring.rules.RuleSet;
import dev.scs.serving.analytics.AnalyticsRoutes;
import dev.scs.serving.analytics.ParquetLake;
import dev.scs.serving.explain.CassandraEventArchive;
import dev.scs.serving.explain.ExplanationRoutes;
import dev.scs.serving.graph.DgraphTieSource;
import dev.scs.serving.graph.GraphRoutes;
import dev.scs.serving.graph.LakeTieSource;
import dev.scs.serving.graph.TieSource;
import dev.scs.serving.history.HistoryRoutes;
import dev.scs.serving.history.InfluxScoreHistory;
import dev.scs.serving.http.ApiException;
import dev.scs.serving.http.HealthCheck;
import dev.scs.serving.http.Refreshing;
import dev.scs.serving.pipeline.CassandraBatchRuns;
import dev.scs.serving.pipeline.InfluxSpeedMetrics;
import dev.scs.serving.pipeline.PipelineRoutes;
import dev.scs.serving.rules.MongoRuleCatalog;
import dev.scs.serving.rules.RuleRoutes;
import dev.scs.serving.score.CachingViewStore;
import dev.scs.serving.score.CassandraViewStore;
import dev.scs.serving.score.MongoCitizenDirectory;
import dev.scs.serving.score.ScoreRoutes;
import dev.scs.serving.score.ScoreService;
import dev.scs.serving.score.SpeedViewCache;
import dev.scs.serving.score.ViewStore;
import dev.scs.stores.StoreSettings;
import dev.scs.stores.cassandra.CassandraSessions;
import dev.scs.stores.dgraph.DgraphConnection;
import dev.scs.stores.dgraph.SocialGraph;
import dev.scs.stores.mongodb.ConfigStore;
import dev.scs.stores.mongodb.MongoConnections;
import dev.scs.stores.mongodb.RuleStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The API on the real stores of a {@link ServingLayerConfig}: opens one client per store, shared by
 * every request, and closes them in {@link #close()}.
 */
public final class StoreBackedApi implements AutoCloseable {
  private final List<AutoCloseable> resources = new ArrayList<>();
  private final ServingApi api = new ServingApi();

  public StoreBackedApi(ServingLayerConfig config) {
    this(config, System::currentTimeMillis);
  }

  public StoreBackedApi(ServingLayerConfig config, LongSupplier clock) {
    StoreSettings stores = config.stores();
    long refreshMillis = config.cacheRefresh().toMillis();
    try {
      CqlSession session = CassandraSessions.open(stores);
      resources.add(session);
      MongoClient mongo = MongoConnections.open(stores);
      resources.add(mongo);
      MongoDatabase database = MongoConnections.database(mongo, stores);

      SpeedViewCache speedViews =
          new SpeedViewCache(config.speedViewCacheMaxAge().toMillis(), clock);
      api.withSpeedViewCache(speedViews);
      ViewStore views =
          new CachingViewStore(
              new CassandraViewStore(session, stores.cassandraKeyspace()),
              refreshMillis,
              clock,
              speedViews);
      Refreshing<ScoringConfig> scoringConfig =
          new Refreshing<>(
              () ->
                  new ConfigStore(database)
                      .current()
                      .orElseThrow(
                          () ->
                              new ApiException(
                                  503, "MongoDB holds no scoring config; run ./scs seed first"))
                      .config(),
              refreshMillis,
              clock);
      MongoCitizenDirectory citizens = new MongoCitizenDirectory(database);
      ScoreService scores = new ScoreService(views, citizens, scoringConfig, clock);
      api.withScores(new ScoreRoutes(scores, citizens));

      RuleStore ruleStore = new RuleStore(database);
      Refreshing<RuleSet> rules =
          new Refreshing<>(() -> ruleStore.current().rules(), refreshMillis, clock);
      api.with(
          new ExplanationRoutes(
                  views,
                  new CassandraEventArchive(session, stores.cassandraKeyspace()),
                  citizens,
                  rules,
                  scores)
              ::register);
      api.with(
          new RuleRoutes(new MongoRuleCatalog(ruleStore), config.adminApiKey(), rules::invalidate)
              ::register);

      InfluxDBClient influxdb =
          InfluxDBClientFactory.create(
              stores.influxdbUrl(), stores.influxdbToken().toCharArray(), stores.influxdbOrg());
      resources.add(influxdb);
      api.with(
          new HistoryRoutes(
                  new InfluxScoreHistory(influxdb, stores.influxdbOrg(), InfluxScoreHistory.BUCKET),
                  citizens,
                  clock)
              ::register);
      api.with(
          new PipelineRoutes(
                  new InfluxSpeedMetrics(influxdb, stores.influxdbOrg(), InfluxSpeedMetrics.BUCKET),
                  new CassandraBatchRuns(session, stores.cassandraKeyspace()),
                  views)
              ::register);

      ParquetLake lake = new ParquetLake(Path.of(config.lakePath()));
      resources.add(lake);
      api.with(new AnalyticsRoutes(lake, citizens, clock)::register);
      api.with(new GraphRoutes(tieSource(config, lake), citizens)::register);

      api.withHealthCheck(
          healthCheck(
              "cassandra",
              () -> session.execute("SELECT release_version FROM system.local").one()));
      api.withHealthCheck(
          healthCheck("mongodb", () -> database.runCommand(new org.bson.Document("ping", 1))));
      api.withHealthCheck(
          healthCheck(
              "influxdb",
              () -> {
                if (!Boolean.TRUE.equals(influxdb.ping())) {
                  throw new IllegalStateException("no answer at " + stores.influxdbUrl());
                }
              }));
      api.withHealthCheck(
          healthCheck(
              "lake",
              () ->
                  lake.latestRun()
                      .orElseThrow(
                          () ->
                              new IllegalStateException(
                                  "no complete batch run under " + lake.root() + "/runs"))));
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private TieSource tieSource(ServingLayerConfig config, ParquetLake lake) {
    if (config.graphSource() == ServingLayerConfig.GraphSource.LAKE) {
      return new LakeTieSource(lake);
    }
    DgraphConnection dgraph = DgraphConnection.open(config.stores());
    resources.add(dgraph);
    api.withHealthCheck(healthCheck("dgraph", () -> dgraph.client().checkVersion()));
    return new DgraphTieSource(new SocialGraph(dgraph.client()));
  }

  public ServingApi api() {
    return api;
  }

  private static HealthCheck healthCheck(String name, Runnable probe) {
    return new HealthCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String check() {
        try {
          probe.run();
          return "ok";
        } catch (RuntimeException e) {
          return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
      }
    };
  }

  @Override
  public void close() {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        // Closing is best effort; the process is stopping.
      }
    }
    resources.clear();
  }
}
