package dev.scs.stores.dgraph;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The query half of a DQL upsert block that finds citizens by id: one variable per distinct citizen
 * ({@code c0 as var(func: eq(citizen_id, $c0))}), the ids passed as query variables and never
 * spliced into the query text. A citizen named twice gets one variable, so an absent citizen
 * becomes one new node, not two.
 */
final class CitizenVariables {
  private final Map<String, String> variableOfCitizen = new LinkedHashMap<>();
  private final Map<String, String> citizenOfReference = new HashMap<>();

  /** The upsert variable ({@code c3}) that holds this citizen's node, assigned on first use. */
  String of(String citizenId) {
    return variableOfCitizen.computeIfAbsent(
        citizenId,
        id -> {
          String variable = "c" + variableOfCitizen.size();
          citizenOfReference.put("uid(" + variable + ")", id);
          return variable;
        });
  }

  /** {@code uid(c3)}: the node in a JSON mutation; a new node when the citizen is absent. */
  String uidOf(String citizenId) {
    return "uid(" + of(citizenId) + ")";
  }

  String query() {
    return query("");
  }

  /** The query with more blocks after the variable blocks, which may use the variables. */
  String query(String moreBlocks) {
    StringBuilder declarations = new StringBuilder();
    StringBuilder blocks = new StringBuilder();
    for (String variable : variableOfCitizen.values()) {
      declarations.append(declarations.isEmpty() ? "" : ", ").append('$').append(variable);
      declarations.append(": string");
      blocks.append("  ").append(variable).append(" as var(func: eq(citizen_id, $");
      blocks.append(variable).append("))\n");
    }
    return "query citizens(" + declarations + ") {\n" + blocks + moreBlocks + "}";
  }

  boolean isEmpty() {
    return variableOfCitizen.isEmpty();
  }

  /** The citizen of a {@code uid(c3)} reference, as Dgraph names new nodes in its answer. */
  Optional<String> citizenOfUidReference(String reference) {
    return Optional.ofNullable(citizenOfReference.get(reference));
  }

  /** Every variable, comma-separated, as {@code uid(...)} takes them. */
  String all() {
    return String.join(", ", variableOfCitizen.values());
  }

  /** The query variables: {@code $c3} to the citizen's id. */
  Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>();
    variableOfCitizen.forEach((citizenId, variable) -> values.put("$" + variable, citizenId));
    return values;
  }
}
