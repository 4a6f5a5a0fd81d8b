package dev.scs.speed.cassandra;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Packs rows into batches: rows share a batch only when they live on the same replicas, and a batch
 * holds at most {@code maxPartitions} partitions and {@code maxBytes} bytes of values (a row larger
 * than that goes alone). The order of rows within one replica group is kept.
 *
 * @param <T> a row
 */
final class BatchPacking<T> {
  private final int maxPartitions;
  private final int maxBytes;
  private final Map<Object, Open<T>> openByReplicas = new LinkedHashMap<>();
  private final List<List<T>> closed = new ArrayList<>();

  BatchPacking(int maxPartitions, int maxBytes) {
    this.maxPartitions = maxPartitions;
    this.maxBytes = maxBytes;
  }

  /**
   * @param replicas what identifies the nodes that own the row (equal for rows on the same nodes)
   * @param partition what identifies the row's partition
   */
  void add(Object replicas, Object partition, int bytes, T row) {
    Open<T> batch = openByReplicas.computeIfAbsent(replicas, key -> new Open<>());
    boolean newPartition = !batch.partitions.contains(partition);
    boolean full =
        (newPartition && batch.partitions.size() == maxPartitions)
            || batch.bytes + bytes > maxBytes;
    if (full && !batch.rows.isEmpty()) {
      closed.add(batch.rows);
      batch = new Open<>();
      openByReplicas.put(replicas, batch);
    }
    batch.rows.add(row);
    batch.partitions.add(partition);
    batch.bytes += bytes;
  }

  /** Every batch, the rows of each in the order they were added. */
  List<List<T>> batches() {
    List<List<T>> all = new ArrayList<>(closed);
    for (Open<T> batch : openByReplicas.values()) {
      if (!batch.rows.isEmpty()) {
        all.add(batch.rows);
      }
    }
    return all;
  }

  private static final class Open<T> {
    final List<T> rows = new ArrayList<>();
    final Set<Object> partitions = new HashSet<>();
    int bytes;
  }
}
