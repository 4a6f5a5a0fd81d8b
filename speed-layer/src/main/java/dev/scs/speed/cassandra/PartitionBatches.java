package dev.scs.speed.cassandra;

import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of one table and one partition sent as one unlogged batch: the node applies them as one
 * mutation, one request instead of many. Rows of different partitions never share a batch (that
 * would make one coordinator do the work of many), and a batch stays small, under the server's
 * batch-size warning for rows as large as an archived event.
 */
final class PartitionBatches {
  private static final int ROWS_PER_BATCH = 10;

  private final Map<String, List<BoundStatement>> byPartition = new LinkedHashMap<>();

  void add(String table, String partitionKey, BoundStatement row) {
    byPartition.computeIfAbsent(table + "\u0000" + partitionKey, key -> new ArrayList<>()).add(row);
  }

  List<Statement<?>> statements() {
    List<Statement<?>> statements = new ArrayList<>();
    for (List<BoundStatement> rows : byPartition.values()) {
      for (int from = 0; from < rows.size(); from += ROWS_PER_BATCH) {
        List<BoundStatement> chunk =
            rows.subList(from, Math.min(rows.size(), from + ROWS_PER_BATCH));
        statements.add(
            chunk.size() == 1
                ? chunk.get(0).setIdempotent(true)
                : BatchStatement.newInstance(BatchType.UNLOGGED).addAll(chunk).setIdempotent(true));
      }
    }
    return statements;
  }
}
