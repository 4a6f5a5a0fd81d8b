package dev.scs.speed.cassandra;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.TokenMap;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rows sent as unlogged batches of rows owned by the same replicas, which is what the
 * spark-cassandra-connector's {@code batch.grouping.key=replica_set} does: the coordinator, itself
 * a replica of every row (the driver routes a batch by its first row), applies the batch locally,
 * one request instead of one per row. Most of a micro-batch's rows are one-row partitions (an
 * {@code event_ids} claim per event), so batching by partition alone sent one request per event.
 *
 * <p>A batch stays under the server's warnings: at most {@value #MAX_PARTITIONS} partitions ({@code
 * unlogged_batch_across_partitions_warn_threshold}) and an estimated {@value #MAX_BYTES} bytes
 * ({@code batch_size_warn_threshold} is 5 KiB). The server counts more than the values (timestamps,
 * column and list-cell overheads): Cassandra 5.0 found 6 876 bytes in 45 rows with about 4 000
 * bytes of values, and 5 215 in 32 rows of rule state, so each row is counted {@value
 * #ROW_OVERHEAD_BYTES} bytes more than its values. Without token metadata (the driver may be
 * configured without it), rows are batched by partition only.
 */
final class ReplicaBatches {
  static final int MAX_PARTITIONS = 10;
  static final int MAX_BYTES = 4 * 1024;
  static final int ROW_OVERHEAD_BYTES = 128;

  private final Optional<TokenMap> tokens;
  private final CqlIdentifier keyspace;
  private final BatchPacking<BoundStatement> packing =
      new BatchPacking<>(MAX_PARTITIONS, MAX_BYTES);

  /** Uses the session's current token metadata, which the driver keeps up to date. */
  ReplicaBatches(CqlSession session, CqlIdentifier keyspace) {
    this.tokens = session.getMetadata().getTokenMap();
    this.keyspace = keyspace;
  }

  void add(BoundStatement row) {
    ByteBuffer partition = row.getRoutingKey();
    packing.add(replicasOf(partition), partition, estimatedBytes(row), row);
  }

  private Object replicasOf(ByteBuffer partition) {
    if (tokens.isEmpty() || partition == null) {
      return partition;
    }
    Set<Node> replicas = tokens.get().getReplicas(keyspace, partition);
    return replicas.isEmpty() ? partition : replicas;
  }

  private static int estimatedBytes(BoundStatement row) {
    int bytes = ROW_OVERHEAD_BYTES;
    for (ByteBuffer value : row.getValues()) {
      bytes += value == null ? 0 : value.remaining();
    }
    return bytes;
  }

  List<Statement<?>> statements() {
    List<Statement<?>> statements = new ArrayList<>();
    for (List<BoundStatement> rows : packing.batches()) {
      statements.add(
          rows.size() == 1
              ? rows.get(0).setIdempotent(true)
              : BatchStatement.newInstance(BatchType.UNLOGGED).addAll(rows).setIdempotent(true));
    }
    return statements;
  }
}
