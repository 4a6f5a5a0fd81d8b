package dev.scs.speed.cassandra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Packs rows into batches: rows share a batch only when they live on the same replicas, and a batch
 * holds at most {@code maxPartitions} partitions and {@code maxBytes} bytes of values (a row larger
 * than that goes alone).
 *
 * <p>The rows of one partition go together, in the order they were added, whatever was added
 * between them: the server turns the rows of one partition key in a batch (of every table of the
 * keyspace) into one mutation, and much of what a write costs it is paid once per mutation (a
 * commit log entry, a size check, the hand-off to a mutation thread). Partitions keep the order of
 * their first row. Rows are packed when {@link #batches()} is called.
 *
 * @param <T> a row
 */
final class BatchPacking<T> {
  private final int maxPartitions;
  private final int maxBytes;
  private final Map<Object, Map<Object, List<Sized<T>>>> rowsByPartitionByReplicas =
      new LinkedHashMap<>();

  BatchPacking(int maxPartitions, int maxBytes) {
    this.maxPartitions = maxPartitions;
    this.maxBytes = maxBytes;
  }

  /**
   * @param replicas what identifies the nodes that own the row (equal for rows on the same nodes)
   * @param partition what identifies the row's partition
   */
  void add(Object replicas, Object partition, int bytes, T row) {
    rowsByPartitionByReplicas
        .computeIfAbsent(replicas, key -> new LinkedHashMap<>())
        .computeIfAbsent(partition, key -> new ArrayList<>())
        .add(new Sized<>(row, bytes));
  }

  /** Every batch, the rows of each partition together and in the order they were added. */
  List<List<T>> batches() {
    List<List<T>> all = new ArrayList<>();
    for (Map<Object, List<Sized<T>>> rowsByPartition : rowsByPartitionByReplicas.values()) {
      Open<T> batch = new Open<>();
      for (List<Sized<T>> partition : rowsByPartition.values()) {
        // A partition's rows are packed one after the other: only its first row in a batch is new.
        boolean inBatch = false;
        for (Sized<T> row : partition) {
          boolean full =
              (!inBatch && batch.partitions == maxPartitions)
                  || batch.bytes + row.bytes() > maxBytes;
          if (full && !batch.rows.isEmpty()) {
            all.add(batch.rows);
            batch = new Open<>();
            inBatch = false;
          }
          if (!inBatch) {
            batch.partitions++;
            inBatch = true;
          }
          batch.rows.add(row.row());
          batch.bytes += row.bytes();
        }
      }
      if (!batch.rows.isEmpty()) {
        all.add(batch.rows);
      }
    }
    return all;
  }

  private record Sized<T>(T row, int bytes) {}

  private static final class Open<T> {
    final List<T> rows = new ArrayList<>();
    int partitions;
    int bytes;
  }
}
