package dev.scs.serving.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A small Parquet lake in a temporary folder, laid out as the batch layer writes it
 * (schemas/parquet/layout.md) and written with DuckDB: one complete run, and an incomplete later
 * run (no {@code runs/} row) that readers must ignore.
 */
public final class TestLake {
  public static final String RUN = "20260501T071300.000Z";
  public static final String UNFINISHED_RUN = "20260502T071300.000Z";

  private TestLake() {}

  public static Path create() {
    try {
      Path root = Files.createTempDirectory("serving-lake");
      try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
          Statement sql = duckdb.createStatement()) {
        write(
            sql,
            root,
            "runs",
            RUN,
            "SELECT TIMESTAMP '2026-05-01 07:13:00' AS watermark,"
                + " TIMESTAMP '2026-05-01 07:20:00' AS published_at, 10::BIGINT AS events,"
                + " 6::BIGINT AS firings, 5::BIGINT AS citizens");
        write(
            sql,
            root,
            "scores",
            RUN,
            "SELECT * FROM (VALUES ('c-1', 160.0, 1160.00::DECIMAL(18,2), 'exemplary', 3::BIGINT),"
                + " ('c-2', 60.0, 1060.00::DECIMAL(18,2), 'trusted', 1::BIGINT),"
                + " ('c-3', -200.0, 800.00::DECIMAL(18,2), NULL, 1::BIGINT),"
                + " ('c-4', 70.0, 1070.00::DECIMAL(18,2), 'trusted', 1::BIGINT),"
                + " ('c-5', 0.0, 1000.00::DECIMAL(18,2), 'standard', 0::BIGINT))"
                + " AS t(citizen_id, raw, score, tier, firings),"
                + " (SELECT TIMESTAMP '2026-05-01 07:13:00' AS as_of)");
        write(
            sql,
            root,
            "aggregates/score_histogram",
            RUN,
            "SELECT * FROM (VALUES (800, 50, 1::BIGINT), (1000, 50, 1::BIGINT),"
                + " (1050, 50, 2::BIGINT), (1150, 50, 1::BIGINT))"
                + " AS t(bucket_floor, bucket_width, citizens)");
        write(
            sql,
            root,
            "aggregates/tier_counts",
            RUN,
            "SELECT * FROM (VALUES ('trusted', 2::BIGINT), ('exemplary', 1::BIGINT),"
                + " ('standard', 1::BIGINT), ('none', 1::BIGINT)) AS t(tier, citizens)");
        write(
            sql,
            root,
            "aggregates/daily",
            RUN,
            "SELECT * FROM (VALUES (DATE '2026-04-29', 'north', 'payment.on_time', 3::BIGINT,"
                + " 6.00::DECIMAL(18,2)), (DATE '2026-04-29', 'south', 'payment.on_time',"
                + " 2::BIGINT, 4.00::DECIMAL(18,2)), (DATE '2026-04-30', 'north',"
                + " 'traffic.violation', 1::BIGINT, -40.00::DECIMAL(18,2)), (DATE '2026-03-01',"
                + " 'north', 'tax.filed', 1::BIGINT, 5.00::DECIMAL(18,2)))"
                + " AS t(date, region, type, events, points)");
        write(
            sql,
            root,
            "aggregates/rule_hits",
            RUN,
            "SELECT * FROM (VALUES ('a-on-time', 1, 5::BIGINT, 10.00::DECIMAL(18,2)),"
                + " ('e-traffic', 2, 1::BIGINT, -40.00::DECIMAL(18,2)))"
                + " AS t(rule_id, rule_version, firings, points)");
        // c-1 - c-2 - c-3 - c-4, and c-1 - c-2 also as colleagues; c-5 alone.
        write(
            sql,
            root,
            "graph_ties",
            RUN,
            "SELECT * FROM (VALUES ('c-1', 'c-2', 'friend'), ('c-1', 'c-2', 'colleague'),"
                + " ('c-2', 'c-3', 'family'), ('c-3', 'c-4', 'neighbor'))"
                + " AS t(citizen_a, citizen_b, relation)");
        write(
            sql,
            root,
            "scores",
            UNFINISHED_RUN,
            "SELECT 'c-9' AS citizen_id, 1.0 AS raw, 1001.00::DECIMAL(18,2) AS score,"
                + " 'standard' AS tier, 1::BIGINT AS firings");
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void write(Statement sql, Path root, String table, String run, String select)
      throws SQLException, IOException {
    Path partition = root.resolve(table).resolve("run_id=" + run);
    Files.createDirectories(partition);
    sql.execute(
        "COPY ("
            + select
            + ") TO '"
            + partition.resolve("part-00000.parquet")
            + "' (FORMAT PARQUET)");
  }
}
