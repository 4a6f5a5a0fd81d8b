package dev.scs.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analytics endpoints query the Parquet lake with embedded DuckDB; its JDBC driver must read
 * Parquet without downloading an extension, which this machine could not do.
 */
class DuckdbParquetTest {

  @Test
  void aParquetFileWrittenByCopyIsReadBackByAnotherConnection(@TempDir Path lake)
      throws SQLException {
    String file = lake.resolve("scores.parquet").toString().replace("'", "''");
    try (Connection writer = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = writer.createStatement()) {
      statement.execute(
          "CREATE TABLE scores AS SELECT * FROM (VALUES"
              + " ('citizen-1', 512, DATE '2026-11-24'),"
              + " ('citizen-2', 480, DATE '2026-11-24'),"
              + " ('citizen-3', 530, DATE '2026-11-25'))"
              + " AS t(citizen_id, score, day)");
      statement.execute("COPY scores TO '" + file + "' (FORMAT PARQUET)");
    }

    List<String> rows = new ArrayList<>();
    try (Connection reader = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = reader.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT day, count(*) AS citizens, avg(score) AS average_score"
                    + " FROM read_parquet('"
                    + file
                    + "') GROUP BY day ORDER BY day")) {
      while (result.next()) {
        rows.add(
            result.getDate("day").toLocalDate()
                + " "
                + result.getLong("citizens")
                + " "
                + result.getDouble("average_score"));
      }
    }

    assertThat(rows).containsExactly("2026-11-24 2 496.0", "2026-11-25 1 530.0");
  }
}
