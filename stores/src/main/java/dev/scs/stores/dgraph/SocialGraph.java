package dev.scs.stores.dgraph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import io.dgraph.DgraphClient;
import io.dgraph.DgraphProto.Mutation;
import io.dgraph.DgraphProto.Request;
import io.dgraph.Transaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the social graph of schemas/dgraph/schema.dql: {@code Citizen} nodes found by {@code
 * citizen_id}, and undirected ties stored once, as a {@code tie} edge from the lesser citizen id to
 * the greater, its facet {@code tie_relation} the relations that tie the two, sorted and
 * comma-separated ({@code "family,friend"}), as the lake's graph_ties has one row per relation.
 *
 * <p>Every write is an upsert and can be repeated: setting a node's values twice leaves them set,
 * and a batch of tie changes leaves each pair and relation it names as its last change says,
 * whatever the graph held before. So a replayed micro-batch changes nothing. A transaction that
 * Dgraph aborts for a conflict (another writer touched the same citizen) is run again.
 */
public final class SocialGraph {
  static final String TYPE = "Citizen";

  /** Citizens per upsert request: a few hundred kilobytes of JSON at most. */
  static final int CITIZENS_PER_REQUEST = 500;

  /** Tie pairs per transaction (each a read and a write of the pair). */
  static final int PAIRS_PER_REQUEST = 200;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final DgraphClient client;
  private final ConflictRetries retries;

  public SocialGraph(DgraphClient client) {
    this(client, ConflictRetries.standard());
  }

  SocialGraph(DgraphClient client, ConflictRetries retries) {
    this.client = client;
    this.retries = retries;
  }

  /**
   * Sets each node's values, creating the nodes that are absent. A citizen named twice gets the
   * values of both, the later winning where they name the same predicate.
   */
  public void upsertCitizens(Collection<CitizenNode> nodes) {
    Map<String, Map<String, Object>> valuesOf = new LinkedHashMap<>();
    for (CitizenNode node : nodes) {
      valuesOf.computeIfAbsent(node.citizenId(), id -> new LinkedHashMap<>()).putAll(node.values());
    }
    List<Map.Entry<String, Map<String, Object>>> all = new ArrayList<>(valuesOf.entrySet());
    for (int from = 0; from < all.size(); from += CITIZENS_PER_REQUEST) {
      List<Map.Entry<String, Map<String, Object>>> chunk =
          all.subList(from, Math.min(all.size(), from + CITIZENS_PER_REQUEST));
      retries.run("upsert of " + chunk.size() + " citizen nodes", () -> upsertChunk(chunk));
    }
  }

  private Void upsertChunk(List<Map.Entry<String, Map<String, Object>>> chunk) {
    CitizenVariables variables = new CitizenVariables();
    ArrayNode set = MAPPER.createArrayNode();
    for (Map.Entry<String, Map<String, Object>> citizen : chunk) {
      ObjectNode node = citizenNode(variables, citizen.getKey());
      citizen.getValue().forEach((predicate, value) -> node.putPOJO(predicate, value));
      set.add(node);
    }
    try (Transaction transaction = client.newTransaction()) {
      transaction.doRequest(upsert(variables, set, null));
    }
    return null;
  }

  /**
   * Applies tie changes in the order given: for each pair and relation they name, the last change
   * decides whether the tie is there. Creates the nodes of citizens first seen in a tie.
   */
  public void applyTieChanges(List<TieChange> changes) {
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
            set.add(citizenNode(variables, citizen));
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
      transaction.doRequest(upsert(variables, set, delete));
    }
    return null;
  }

  /**
   * The nodes of these citizens as stored, in the order given; a citizen without a node is left
   * out. For checks and tools: one read-only query per {@link #CITIZENS_PER_REQUEST} ids.
   */
  public List<StoredCitizen> readCitizens(Collection<String> citizenIds) {
    List<String> ids = List.copyOf(new LinkedHashSet<>(citizenIds));
    Map<String, StoredCitizen> found = new LinkedHashMap<>();
    for (int from = 0; from < ids.size(); from += CITIZENS_PER_REQUEST) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CITIZENS_PER_REQUEST));
      CitizenVariables variables = new CitizenVariables();
      chunk.forEach(variables::of);
      String query =
          variables.query(
              "  n(func: uid("
                  + variables.all()
                  + ")) { citizen_id "
                  + String.join(" ", CitizenNode.PREDICATES)
                  + " tie @facets(tie_relation) { citizen_id } }\n");
      JsonNode answer;
      try (Transaction read = client.newReadOnlyTransaction()) {
        answer = parse(read.queryWithVars(query, variables.values()).getJson());
      }
      for (JsonNode node : answer.path("n")) {
        StoredCitizen citizen = storedCitizen(node);
        found.put(citizen.citizenId(), citizen);
      }
    }
    List<StoredCitizen> inOrder = new ArrayList<>();
    for (String id : ids) {
      if (found.containsKey(id)) {
        inOrder.add(found.get(id));
      }
    }
    return inOrder;
  }

  /**
   * Every tie with at least one end among these citizens, each once, one per relation: the edges
   * stored on their nodes and those pointing at them ({@code ~tie}).
   */
  public List<GraphTie> tiesOf(Collection<String> citizenIds) {
    List<String> ids = List.copyOf(new LinkedHashSet<>(citizenIds));
    Set<GraphTie> ties = new LinkedHashSet<>();
    for (int from = 0; from < ids.size(); from += CITIZENS_PER_REQUEST) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CITIZENS_PER_REQUEST));
      CitizenVariables variables = new CitizenVariables();
      chunk.forEach(variables::of);
      String query =
          variables.query(
              "  n(func: uid("
                  + variables.all()
                  + ")) { citizen_id tie @facets(tie_relation) { citizen_id }"
                  + " ~tie @facets(tie_relation) { citizen_id } }\n");
      JsonNode answer;
      try (Transaction read = client.newReadOnlyTransaction()) {
        answer = parse(read.queryWithVars(query, variables.values()).getJson());
      }
      for (JsonNode node : answer.path("n")) {
        String citizen = node.path("citizen_id").asText();
        for (String edges : List.of("tie", "~tie")) {
          for (JsonNode edge : node.path(edges)) {
            String other = edge.path("citizen_id").asText();
            for (String relation : relationsIn(edge.path(edges + "|tie_relation").asText(""))) {
              ties.add(
                  citizen.compareTo(other) < 0
                      ? new GraphTie(citizen, other, relation)
                      : new GraphTie(other, citizen, relation));
            }
          }
        }
      }
    }
    return new ArrayList<>(ties);
  }

  /** Deletes these citizens' nodes and every tie to or from them; for tests and tools. */
  public void deleteCitizens(Collection<String> citizenIds) {
    List<String> ids = List.copyOf(new LinkedHashSet<>(citizenIds));
    for (int from = 0; from < ids.size(); from += CITIZENS_PER_REQUEST) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CITIZENS_PER_REQUEST));
      CitizenVariables variables = new CitizenVariables();
      StringBuilder nquads = new StringBuilder();
      chunk.forEach(id -> nquads.append(variables.uidOf(id)).append(" * * .\n"));
      Request delete =
          Request.newBuilder()
              .setQuery(variables.query())
              .putAllVars(variables.values())
              .addMutations(
                  Mutation.newBuilder().setDelNquads(ByteString.copyFromUtf8(nquads.toString())))
              .setCommitNow(true)
              .build();
      retries.run(
          "delete of " + chunk.size() + " citizen nodes",
          () -> {
            try (Transaction transaction = client.newTransaction()) {
              transaction.doRequest(delete);
            }
            return null;
          });
    }
  }

  private static StoredCitizen storedCitizen(JsonNode node) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String predicate : CitizenNode.PREDICATES) {
      JsonNode value = node.get(predicate);
      if (value != null) {
        values.put(predicate, value.isTextual() ? value.asText() : value.numberValue());
      }
    }
    List<StoredCitizen.StoredTie> ties = new ArrayList<>();
    for (JsonNode edge : node.path("tie")) {
      ties.add(
          new StoredCitizen.StoredTie(
              edge.path("citizen_id").asText(),
              relationsIn(edge.path("tie|tie_relation").asText(""))));
    }
    return new StoredCitizen(node.path("citizen_id").asText(), values, ties);
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
    JsonNode answer = parse(transaction.queryWithVars(query, values).getJson());
    List<Set<String>> relations = new ArrayList<>();
    for (int i = 0; i < chunk.size(); i++) {
      Set<String> found = new TreeSet<>();
      for (JsonNode node : answer.path("p" + i)) {
        for (JsonNode edge : node.path("tie")) {
          found.addAll(relationsIn(edge.path("tie|tie_relation").asText("")));
        }
      }
      relations.add(found);
    }
    return relations;
  }

  /** The part of a node every write sets: its id and type, so a new node is a whole Citizen. */
  private static ObjectNode citizenNode(CitizenVariables variables, String citizenId) {
    return MAPPER
        .createObjectNode()
        .put("uid", variables.uidOf(citizenId))
        .put("citizen_id", citizenId)
        .put("dgraph.type", TYPE);
  }

  private static Request upsert(CitizenVariables variables, ArrayNode set, ArrayNode delete) {
    Mutation.Builder mutation = Mutation.newBuilder();
    if (!set.isEmpty()) {
      mutation.setSetJson(json(set));
    }
    if (delete != null && !delete.isEmpty()) {
      mutation.setDeleteJson(json(delete));
    }
    return Request.newBuilder()
        .setQuery(variables.query())
        .putAllVars(variables.values())
        .addMutations(mutation)
        .setCommitNow(true)
        .build();
  }

  private static ByteString json(JsonNode node) {
    try {
      return ByteString.copyFrom(MAPPER.writeValueAsBytes(node));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode parse(ByteString json) {
    try {
      return MAPPER.readTree(json.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("Dgraph answered no JSON", e);
    }
  }

  /** An unordered pair of citizens, stored from the lesser id to the greater. */
  private record Pair(String from, String to) {}

  /** Every relation in a facet value; for readers of the graph. */
  public static List<String> relationsIn(String facet) {
    return Arrays.stream(facet.split(",")).map(String::trim).filter(r -> !r.isEmpty()).toList();
  }
}
