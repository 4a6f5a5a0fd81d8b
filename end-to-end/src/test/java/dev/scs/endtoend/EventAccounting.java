package dev.scs.endtoend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where each produced record ended up: accepted into the archive, or rejected to the dead-letter
 * topic with a reason (duplicates included, with reason {@code duplicate}). A record is identified
 * by its coordinates in the event topic, which the archive and the dead letters both keep.
 */
final class EventAccounting {
  /** A record's place in the event topic. */
  record Coordinates(int partition, long offset) implements Comparable<Coordinates> {
    @Override
    public int compareTo(Coordinates other) {
      int byPartition = Integer.compare(partition, other.partition);
      return byPartition != 0 ? byPartition : Long.compare(offset, other.offset);
    }

    @Override
    public String toString() {
      return partition + "@" + offset;
    }
  }

  /**
   * @param accepted records found in the archive
   * @param rejectedByReason records found among the dead letters, by reason
   * @param unaccounted records in neither
   * @param inBoth records in the archive and among the dead letters
   * @param unknownArchived archive rows that name no produced record
   */
  record Result(
      long accepted,
      Map<String, Long> rejectedByReason,
      List<Coordinates> unaccounted,
      List<Coordinates> inBoth,
      List<Coordinates> unknownArchived) {}

  private EventAccounting() {}

  /**
   * @param produced the coordinates of every record in the event topic
   * @param archived the coordinates every archive row records
   * @param deadLetterReasons the reason of every dead letter, by the coordinates it came from (a
   *     dead letter repeated by a re-run micro-batch has the same coordinates and counts once)
   */
  static Result account(
      List<Coordinates> produced,
      Set<Coordinates> archived,
      Map<Coordinates, String> deadLetterReasons) {
    long accepted = 0;
    Map<String, Long> rejected = new TreeMap<>();
    List<Coordinates> unaccounted = new ArrayList<>();
    List<Coordinates> inBoth = new ArrayList<>();
    for (Coordinates record : produced) {
      boolean isArchived = archived.contains(record);
      String reason = deadLetterReasons.get(record);
      if (isArchived && reason != null) {
        inBoth.add(record);
      } else if (isArchived) {
        accepted++;
      } else if (reason != null && !reason.isBlank()) {
        rejected.merge(reason, 1L, Long::sum);
      } else {
        unaccounted.add(record);
      }
    }
    Set<Coordinates> producedSet = Set.copyOf(produced);
    List<Coordinates> unknownArchived =
        archived.stream().filter(row -> !producedSet.contains(row)).sorted().toList();
    return new Result(accepted, rejected, unaccounted, inBoth, unknownArchived);
  }
}
