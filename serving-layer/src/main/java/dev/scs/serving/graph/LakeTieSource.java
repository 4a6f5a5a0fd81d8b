package dev.scs.serving.graph;

import dev.scs.serving.analytics.ParquetLake;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The ties of the latest complete run in the lake ({@code graph_ties/run_id=R/}), read with DuckDB;
 * the citizen ids are bound parameters, {@value #IDS_PER_QUERY} per query at most.
 */
public final class LakeTieSource implements TieSource {
  static final int IDS_PER_QUERY = 500;
  private final ParquetLake lake;

  public LakeTieSource(ParquetLake lake) {
    this.lake = lake;
  }

  @Override
  public String name() {
    return "lake";
  }

  @Override
  public Optional<String> runId() {
    return lake.latestRun();
  }

  @Override
  public List<Tie> tiesOf(Collection<String> citizens) {
    Optional<String> table = lake.latestRun().flatMap(run -> lake.runTable("graph_ties", run));
    if (table.isEmpty() || citizens.isEmpty()) {
      return List.of();
    }
    List<String> ids = new ArrayList<>(citizens);
    List<Tie> ties = new ArrayList<>();
    try (Connection connection = lake.connection()) {
      for (int start = 0; start < ids.size(); start += IDS_PER_QUERY) {
        List<String> chunk = ids.subList(start, Math.min(ids.size(), start + IDS_PER_QUERY));
        String placeholders = String.join(", ", Collections.nCopies(chunk.size(), "?"));
        try (PreparedStatement query =
            connection.prepareStatement(
                "SELECT citizen_a, citizen_b, relation FROM read_parquet(?)"
                    + " WHERE citizen_a IN ("
                    + placeholders
                    + ") OR citizen_b IN ("
                    + placeholders
                    + ")")) {
          int index = 1;
          query.setString(index++, table.get());
          for (int round = 0; round < 2; round++) {
            for (String id : chunk) {
              query.setString(index++, id);
            }
          }
          try (ResultSet result = query.executeQuery()) {
            while (result.next()) {
              ties.add(new Tie(result.getString(1), result.getString(2), result.getString(3)));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read " + table.get() + ": " + e.getMessage(), e);
    }
    return ties;
  }
}
