package dev.scs.serving.analytics;

import static dev.scs.serving.http.JsonResponses.putInstant;
import static dev.scs.serving.http.JsonResponses.putText;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scs.serving.http.ApiException;
import dev.scs.serving.http.JsonResponses;
import dev.scs.serving.http.RequestParameters;
import dev.scs.serving.score.CitizenDirectory;
import dev.scs.serving.score.CitizenRecord;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The leaderboard and analytics, from the latest run's tables in the Parquet lake with DuckDB.
 * Every value from a request is a bound parameter; file globs come from {@link ParquetLake}.
 * Regions live in MongoDB's citizens, not in the lake, so the leaderboard filters by region and
 * labels its entries through the {@link CitizenDirectory}.
 */
public final class AnalyticsRoutes {
  private static final long DAY = 86_400_000L;

  private final ParquetLake lake;
  private final CitizenDirectory citizens;
  private final LongSupplier clock;

  public AnalyticsRoutes(ParquetLake lake, CitizenDirectory citizens, LongSupplier clock) {
    this.lake = lake;
    this.citizens = citizens;
    this.clock = clock;
  }

  public void register(Javalin app) {
    app.get("/api/v1/leaderboard", this::leaderboard);
    app.get("/api/v1/analytics/distribution", this::distribution);
    app.get("/api/v1/analytics/trends", this::trends);
    app.get("/api/v1/analytics/rules", this::rules);
  }

  void leaderboard(Context ctx) throws SQLException {
    String region = RequestParameters.label(ctx, "region");
    String tier = RequestParameters.label(ctx, "tier");
    int limit = RequestParameters.integer(ctx, "limit", 1, 1000, 100);
    Optional<String> run = lake.latestRun();
    ObjectNode json = JsonResponses.object();
    putRun(json, run);
    putInstant(json, "as_of", run.flatMap(this::watermarkOf).orElse(null));
    putText(json, "region", region);
    putText(json, "tier", tier);
    json.put("limit", limit);
    ArrayNode entries = json.putArray("entries");
    Optional<String> scores = run.flatMap(id -> lake.runTable("scores", id));
    if (scores.isPresent()) {
      Set<String> inRegion = region == null ? null : citizens.idsInRegion(region);
      List<String[]> rows = new ArrayList<>();
      try (Connection connection = lake.connection();
          PreparedStatement query =
              connection.prepareStatement(
                  "SELECT citizen_id, CAST(score AS DOUBLE) AS score, tier"
                      + " FROM read_parquet(?) WHERE (CAST(? AS VARCHAR) IS NULL OR tier = ?)"
                      + " ORDER BY score DESC, citizen_id")) {
        query.setString(1, scores.get());
        query.setString(2, tier);
        query.setString(3, tier);
        try (ResultSet result = query.executeQuery()) {
          while (result.next() && rows.size() < limit) {
            String citizen = result.getString(1);
            if (inRegion == null || inRegion.contains(citizen)) {
              rows.add(new String[] {citizen, result.getString(2), result.getString(3)});
            }
          }
        }
      }
      Map<String, CitizenRecord> records =
          citizens.findAll(rows.stream().map(row -> row[0]).toList());
      int rank = 0;
      for (String[] row : rows) {
        ObjectNode entry = entries.addObject();
        entry.put("rank", ++rank);
        entry.put("citizen_id", row[0]);
        entry.put("score", Double.parseDouble(row[1]));
        putText(entry, "tier", row[2]);
        CitizenRecord record = records.get(row[0]);
        putText(entry, "region", record == null ? null : record.region());
      }
    }
    JsonResponses.ok(ctx, json);
  }

  void distribution(Context ctx) throws SQLException {
    Optional<String> run = lake.latestRun();
    ObjectNode json = JsonResponses.object();
    putRun(json, run);
    putInstant(json, "as_of", run.flatMap(this::watermarkOf).orElse(null));
    ArrayNode histogram = json.putArray("histogram");
    ArrayNode tiers = json.putArray("tiers");
    if (run.isPresent()) {
      try (Connection connection = lake.connection()) {
        Optional<String> buckets = lake.runTable("aggregates/score_histogram", run.get());
        if (buckets.isPresent()) {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT bucket_floor, bucket_width, citizens FROM read_parquet(?)"
                      + " ORDER BY bucket_floor")) {
            query.setString(1, buckets.get());
            try (ResultSet result = query.executeQuery()) {
              while (result.next()) {
                histogram
                    .addObject()
                    .put("bucket_floor", result.getInt(1))
                    .put("bucket_width", result.getInt(2))
                    .put("citizens", result.getLong(3));
              }
            }
          }
        }
        Optional<String> tierCounts = lake.runTable("aggregates/tier_counts", run.get());
        if (tierCounts.isPresent()) {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT tier, citizens FROM read_parquet(?) ORDER BY citizens DESC, tier")) {
            query.setString(1, tierCounts.get());
            try (ResultSet result = query.executeQuery()) {
              while (result.next()) {
                tiers
                    .addObject()
                    .put("tier", result.getString(1))
                    .put("citizens", result.getLong(2));
              }
            }
          }
        }
      }
    }
    JsonResponses.ok(ctx, json);
  }

  void trends(Context ctx) throws SQLException {
    long now = clock.getAsLong();
    long to = RequestParameters.instant(ctx, "to", now);
    long from = RequestParameters.instant(ctx, "from", to - 30 * DAY);
    if (from > to) {
      throw ApiException.badRequest("query parameter from must not be after to");
    }
    Optional<String> run = lake.latestRun();
    ObjectNode json = JsonResponses.object();
    putRun(json, run);
    putInstant(json, "from", from);
    putInstant(json, "to", to);
    ArrayNode days = json.putArray("days");
    Optional<String> daily = run.flatMap(id -> lake.runTable("aggregates/daily", id));
    if (daily.isPresent()) {
      try (Connection connection = lake.connection();
          PreparedStatement query =
              connection.prepareStatement(
                  "SELECT CAST(date AS VARCHAR), type, CAST(SUM(events) AS BIGINT),"
                      + " CAST(SUM(points) AS DOUBLE) FROM read_parquet(?)"
                      + " WHERE CAST(date AS DATE) BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)"
                      + " GROUP BY 1, 2 ORDER BY 1, 2")) {
        query.setString(1, daily.get());
        query.setString(2, day(from));
        query.setString(3, day(to));
        try (ResultSet result = query.executeQuery()) {
          while (result.next()) {
            days.addObject()
                .put("date", result.getString(1))
                .put("type", result.getString(2))
                .put("events", result.getLong(3))
                .put("points", result.getDouble(4));
          }
        }
      }
    }
    JsonResponses.ok(ctx, json);
  }

  void rules(Context ctx) throws SQLException {
    Optional<String> run = lake.latestRun();
    ObjectNode json = JsonResponses.object();
    putRun(json, run);
    ArrayNode rules = json.putArray("rules");
    Optional<String> hits = run.flatMap(id -> lake.runTable("aggregates/rule_hits", id));
    if (hits.isPresent()) {
      try (Connection connection = lake.connection();
          PreparedStatement query =
              connection.prepareStatement(
                  "SELECT rule_id, rule_version, firings, CAST(points AS DOUBLE)"
                      + " FROM read_parquet(?) ORDER BY rule_id, rule_version")) {
        query.setString(1, hits.get());
        try (ResultSet result = query.executeQuery()) {
          while (result.next()) {
            rules
                .addObject()
                .put("rule_id", result.getString(1))
                .put("rule_version", result.getInt(2))
                .put("firings", result.getLong(3))
                .put("points", result.getDouble(4));
          }
        }
      }
    }
    JsonResponses.ok(ctx, json);
  }

  /** The run's watermark from its {@code runs/} row, if readable. */
  private Optional<Long> watermarkOf(String runId) {
    Optional<String> runs = lake.runTable("runs", runId);
    if (runs.isEmpty()) {
      return Optional.empty();
    }
    try (Connection connection = lake.connection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT epoch_ms(CAST(watermark AS TIMESTAMP)) FROM read_parquet(?) LIMIT 1")) {
      query.setString(1, runs.get());
      try (ResultSet result = query.executeQuery()) {
        return result.next() ? Optional.of(result.getLong(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      return Optional.empty();
    }
  }

  private static String day(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC).toLocalDate().toString();
  }

  private static void putRun(ObjectNode json, Optional<String> run) {
    putText(json, "run_id", run.orElse(null));
  }
}
