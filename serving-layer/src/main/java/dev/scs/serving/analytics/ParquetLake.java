package dev.scs.serving.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;

/**
 * The Parquet lake the batch layer writes (schemas/parquet/layout.md), read with embedded DuckDB.
 * Only runs listed under {@code runs/} are read (a run without a row there failed or is still being
 * written); the latest is the greatest run id. Run ids come from directory names checked against
 * the layout's format, never from a request.
 */
public final class ParquetLake implements AutoCloseable {
  /** {@code yyyyMMddTHHmmss.SSSZ}, the layout's run id. */
  private static final Pattern RUN_ID = Pattern.compile("\\d{8}T\\d{6}\\.\\d{3}Z");

  private final Path root;
  private final DuckDBConnection duckdb;

  public ParquetLake(Path root) {
    this.root = root;
    try {
      this.duckdb = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot start embedded DuckDB: " + e.getMessage(), e);
    }
  }

  public Path root() {
    return root;
  }

  /** The latest complete run, empty when the lake has none. */
  public Optional<String> latestRun() {
    Path runs = root.resolve("runs");
    if (!Files.isDirectory(runs)) {
      return Optional.empty();
    }
    try (Stream<Path> partitions = Files.list(runs)) {
      return partitions
          .map(path -> path.getFileName().toString())
          .filter(name -> name.startsWith("run_id="))
          .map(name -> name.substring("run_id=".length()))
          .filter(id -> RUN_ID.matcher(id).matches())
          .max(String::compareTo);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + runs, e);
    }
  }

  /**
   * The Parquet files of a run's table as a DuckDB glob, or empty when the partition is missing (a
   * run written before the table existed).
   */
  public Optional<String> runTable(String table, String runId) {
    Path partition = root.resolve(table).resolve("run_id=" + runId);
    if (!Files.isDirectory(partition)) {
      return Optional.empty();
    }
    return Optional.of(partition.resolve("*.parquet").toString());
  }

  /** A connection of its own for one request; DuckDB connections are not shared by threads. */
  public Connection connection() throws SQLException {
    return duckdb.duplicate();
  }

  @Override
  public void close() {
    try {
      duckdb.close();
    } catch (SQLException e) {
      // Closing at shutdown; nothing to do.
    }
  }
}
