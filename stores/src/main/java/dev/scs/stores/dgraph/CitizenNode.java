package dev.scs.stores.dgraph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Values to set on one citizen's node (schemas/dgraph/schema.dql), found by {@code citizen_id} and
 * created when absent. Only the predicates given are written; the others keep their values, so the
 * speed layer's score and the batch layer's metrics do not overwrite each other.
 */
public record CitizenNode(String citizenId, Map<String, Object> values) {
  /** The node predicates a writer may set (citizen_id and the tie edge are set by the graph). */
  public static final List<String> PREDICATES =
      List.of("score", "tier", "region", "batch_score", "degree", "pagerank");

  public CitizenNode {
    Objects.requireNonNull(citizenId, "citizenId");
    for (Map.Entry<String, Object> value : values.entrySet()) {
      if (!PREDICATES.contains(value.getKey())) {
        throw new IllegalArgumentException(
            "not a citizen node predicate: " + value.getKey() + " (known: " + PREDICATES + ")");
      }
      Objects.requireNonNull(value.getValue(), value.getKey());
    }
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public static CitizenNode of(String citizenId) {
    return new CitizenNode(citizenId, Map.of());
  }

  /** This node with one more value. */
  public CitizenNode with(String predicate, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(values);
    more.put(predicate, value);
    return new CitizenNode(citizenId, more);
  }
}
