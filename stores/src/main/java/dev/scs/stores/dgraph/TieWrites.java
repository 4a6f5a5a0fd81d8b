package dev.scs.stores.dgraph;

import static dev.scs.stores.dgraph.Dql.MAPPER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dgraph.DgraphClient;
import io.dgraph.Transaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tie changes, applied pair by pair: each transaction reads the relations that tie its pairs now,
 * applies the changes in order, and writes the pairs whose relations changed (an edge with the new
 * facet, or no edge once no relation is left).
 */
final class TieWrites {
  /** Tie pairs per transaction (each a read and a write of the pair). */
  static final int PAIRS_PER_REQUEST = 200;

  private final DgraphClient client;
  private final ConflictRetries retries;

  TieWrites(DgraphClient client, ConflictRetries retries) {
    this.client = client;
    this.retries = retries;
  }

  /**
   * Applies tie changes in the order given: for each pair and relation they name, the last change
   * decides whether the tie is there. Creates the nodes of citizens first seen in a tie.
   */
  void apply(List<TieChange> changes) {
    Map<Pair, List<TieChange>> byPair = new LinkedHashMap<>();
    for (TieChange change : changes) {
      byPair
          .computeIfAbsent(new Pair(change.from(), change.to()), pair -> new ArrayList<>())
          .add(change);
    }
    List<Map.Entry<Pair, List<TieChange>>> all = new ArrayList<>(byPair.entrySet());
    for (int from = 0; from < all.size(); from += PAIRS_PER_REQUEST) {
      List<Map.Entry<Pair, List<TieChange>>> chunk =
          all.subList(from, Math.min(all.size(), from + PAIRS_PER_REQUEST));
      retries.run("tie changes of " + chunk.size() + " citizen pairs", () -> applyChunk(chunk));
    }
  }

  private Void applyChunk(List<Map.Entry<Pair, List<TieChange>>> chunk) {
    try (Transaction transaction = client.newTransaction()) {
      List<Set<String>> current = relationsNow(transaction, chunk);
      CitizenVariables variables = new CitizenVariables();
      ArrayNode set = MAPPER.createArrayNode();
      ArrayNode delete = MAPPER.createArrayNode();
      Set<String> nodesInSet = new TreeSet<>();
      for (int i = 0; i < chunk.size(); i++) {
        Pair pair = chunk.get(i).getKey();
        Set<String> before = current.get(i);
        Set<String> after = new TreeSet<>(before);
        for (TieChange change : chunk.get(i).getValue()) {
          if (change.added()) {
            after.add(change.relation());
          } else {
            after.remove(change.relation());
          }
        }
        if (after.equals(before)) {
          continue;
        }
        if (after.isEmpty()) {
          ObjectNode edge = MAPPER.createObjectNode().put("uid", variables.uidOf(pair.to()));
          delete.add(
              MAPPER.createObjectNode().put("uid", variables.uidOf(pair.from())).set("tie", edge));
          continue;
        }
        for (String citizen : List.of(pair.from(), pair.to())) {
          if (nodesInSet.add(citizen)) {
            set.add(Dql.citizenNode(variables, citizen));
          }
        }
        ObjectNode edge =
            MAPPER
                .createObjectNode()
                .put("uid", variables.uidOf(pair.to()))
                .put("tie|tie_relation", String.join(",", after));
        set.add(
            MAPPER.createObjectNode().put("uid", variables.uidOf(pair.from())).set("tie", edge));
      }
      if (set.isEmpty() && delete.isEmpty()) {
        return null;
      }
      transaction.doRequest(Dql.upsert(variables, set, delete));
    }
    return null;
  }

  /** The relations tying each pair now, read in the transaction that will write them. */
  private static List<Set<String>> relationsNow(
      Transaction transaction, List<Map.Entry<Pair, List<TieChange>>> chunk) {
    StringBuilder declarations = new StringBuilder();
    StringBuilder blocks = new StringBuilder();
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < chunk.size(); i++) {
      Pair pair = chunk.get(i).getKey();
      declarations.append(i == 0 ? "" : ", ").append("$a").append(i).append(": string, $b");
      declarations.append(i).append(": string");
      blocks.append("  p").append(i).append("(func: eq(citizen_id, $a").append(i).append(")) {");
      blocks.append(" tie @filter(eq(citizen_id, $b").append(i).append("))");
      blocks.append(" @facets(tie_relation) { uid } }\n");
      values.put("$a" + i, pair.from());
      values.put("$b" + i, pair.to());
    }
    String query = "query ties(" + declarations + ") {\n" + blocks + "}";
    JsonNode answer = Dql.parse(transaction.queryWithVars(query, values).getJson());
    List<Set<String>> relations = new ArrayList<>();
    for (int i = 0; i < chunk.size(); i++) {
      Set<String> found = new TreeSet<>();
      for (JsonNode node : answer.path("p" + i)) {
        for (JsonNode edge : node.path("tie")) {
          found.addAll(Dql.relationsIn(edge.path("tie|tie_relation").asText("")));
        }
      }
      relations.add(found);
    }
    return relations;
  }

  /** An unordered pair of citizens, stored from the lesser id to the greater. */
  private record Pair(String from, String to) {}
}
