package dev.scs.speed.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scs.scoring.event.CodePointOrder;
import dev.scs.scoring.json.Json;
import dev.scs.scoring.time.Instants;
import dev.scs.testing.ScoringVectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The lines of a public vector case as records of a two-partition event topic, keyed by citizen
 * like the simulator's, all ingested at the case's as-of instant (so that future_event means what
 * it means in replay, section 8). Remembers which line each record came from.
 */
public final class VectorFeed {
  public static final String TOPIC = "citizen-events";
  private static final int PARTITIONS = 2;

  private final List<KafkaLikeRecord> records = new ArrayList<>();
  private final Map<String, Integer> lineByCoordinates = new HashMap<>();

  private VectorFeed() {}

  /** Every line in file order: each citizen's events arrive as the file has them. */
  public static VectorFeed inFileOrder(ScoringVectors.Case vectors) {
    List<Integer> lines = new ArrayList<>();
    for (int line = 1; line <= vectors.eventLines().size(); line++) {
      lines.add(line);
    }
    return of(vectors, lines);
  }

  /**
   * Accepted lines in canonical order (ascending occurred_at, then event_id), so that each
   * citizen's events arrive in canonical order; then the rejected lines, duplicates included, in
   * file order, so that each duplicate still follows its original.
   */
  public static VectorFeed inCanonicalOrder(ScoringVectors.Case vectors) {
    Set<Integer> rejected = rejectedLines(vectors);
    Comparator<Integer> canonical =
        Comparator.<Integer>comparingLong(line -> occurredAt(vectors, line))
            .thenComparing(line -> eventId(vectors, line), CodePointOrder.INSTANCE);
    List<Integer> lines = new ArrayList<>();
    for (int line = 1; line <= vectors.eventLines().size(); line++) {
      if (!rejected.contains(line)) {
        lines.add(line);
      }
    }
    lines.sort(canonical);
    for (int line = 1; line <= vectors.eventLines().size(); line++) {
      if (rejected.contains(line)) {
        lines.add(line);
      }
    }
    return of(vectors, lines);
  }

  private static VectorFeed of(ScoringVectors.Case vectors, List<Integer> lines) {
    VectorFeed feed = new VectorFeed();
    long ingestedAt = Instants.parseOrThrow(vectors.asOf(), "as_of");
    long[] nextOffset = new long[PARTITIONS];
    for (int line : lines) {
      String text = vectors.eventLines().get(line - 1);
      String citizenId = field(text, "citizen_id");
      int partition = citizenId == null ? 0 : Math.floorMod(citizenId.hashCode(), PARTITIONS);
      long offset = nextOffset[partition]++;
      feed.records.add(KafkaLikeRecord.of(TOPIC, partition, offset, ingestedAt, citizenId, text));
      feed.lineByCoordinates.put(TOPIC + "/" + partition + "/" + offset, line);
    }
    return feed;
  }

  public List<KafkaLikeRecord> records() {
    return records;
  }

  /** The records split into {@code parts} consecutive slices, one micro-batch each. */
  public List<List<KafkaLikeRecord>> slices(int parts) {
    List<List<KafkaLikeRecord>> slices = new ArrayList<>();
    int size = (records.size() + parts - 1) / parts;
    for (int from = 0; from < records.size(); from += size) {
      slices.add(records.subList(from, Math.min(records.size(), from + size)));
    }
    return slices;
  }

  /** The 1-based line of events.jsonl that the record at these coordinates came from. */
  public int lineOf(String coordinates) {
    return lineByCoordinates.get(coordinates);
  }

  public static Set<Integer> rejectedLines(ScoringVectors.Case vectors) {
    return vectors.expectedRejectLines().stream()
        .map(line -> parse(line).get("line").intValue())
        .collect(Collectors.toSet());
  }

  private static long occurredAt(ScoringVectors.Case vectors, int line) {
    return Instants.parseOrThrow(field(vectors.eventLines().get(line - 1), "occurred_at"), "time");
  }

  private static String eventId(ScoringVectors.Case vectors, int line) {
    return field(vectors.eventLines().get(line - 1), "event_id");
  }

  private static String field(String text, String name) {
    try {
      JsonNode node = Json.mapper().readTree(text).get(name);
      return node != null && node.isTextual() ? node.textValue() : null;
    } catch (Exception malformed) {
      return null;
    }
  }

  private static JsonNode parse(String line) {
    try {
      return Json.mapper().readTree(line);
    } catch (Exception e) {
      throw new IllegalArgumentException("not JSON: " + line, e);
    }
  }
}
