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
 * The rows of one partition share a batch ({@link BatchPacking}), so that the server applies each
 * citizen's rows of every table as one mutation.
 *
 * <p>A batch holds at most {@value #MAX_PARTITIONS} partitions and an estimated {@value #MAX_BYTES}
 * bytes: under ScyllaDB's {@code batch_size_warn_threshold_in_kb} (128) and under Cassandra's
 * {@code batch_size_fail_threshold} (50 KiB). The local stack's Cassandra takes ScyllaDB's
 * thresholds (stack/conf/cassandra/cassandra.yaml); a stock Cassandra accepts these batches and
 * logs a warning for each one over 5 KiB or 10 partitions. Fewer, bigger requests cost Cassandra
 * less: with at most 10 partitions and 4 KiB, at 20 000 events/s it spent 132 µs of CPU per event,
 * against 105-110 µs with these limits (BENCHMARKS.md, "Session 8"); 200 partitions and 96 KiB made
 * a Cassandra that had just started time out (its write timeout is 2 s). The server counts more
 * than the values (timestamps, column and list-cell overheads): Cassandra 5.0 found 6 876 bytes in
 * 45 rows with about 4 000 bytes of values, and 5 215 in 32 rows of rule state, so each row is
 * counted {@value #ROW_OVERHEAD_BYTES} bytes more than its values. Without token metadata (the
 * driver may be configured without it), rows are batched by partition only.
 */
final class ReplicaBatches {
  static final int MAX_PARTITIONS = 50;
  static final int MAX_BYTES = 24 * 1024;
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
