package dev.scs.stores.dgraph;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import io.dgraph.DgraphClient;
import io.dgraph.DgraphProto.Mutation;
import io.dgraph.DgraphProto.Request;
import io.dgraph.Transaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
  /** Citizens per read or delete request. */
  static final int CITIZENS_PER_REQUEST = NodeWrites.CITIZENS_PER_REQUEST;

  private final DgraphClient client;
  private final ConflictRetries retries;
  private final KnownUids known;
  private final NodeWrites nodes;
  private final TieWrites ties;

  /** A graph that finds every node by citizen_id at each write (for one-off writers). */
  public SocialGraph(DgraphClient client) {
    this(client, ConflictRetries.standard(), KnownUids.none());
  }

  /**
   * A graph that remembers the uids of the nodes it wrote for {@code rememberNodesFor}, and sets
   * values on them directly meanwhile: for a writer that touches the same citizens again and again
   * (the speed layer). A node deleted meanwhile (by a reset) is written to in vain until then.
   */
  public SocialGraph(DgraphClient client, Duration rememberNodesFor) {
    this(
        client,
        ConflictRetries.standard(),
        new KnownUids(rememberNodesFor, System::currentTimeMillis));
  }

  SocialGraph(DgraphClient client, ConflictRetries retries, KnownUids known) {
    this.client = client;
    this.retries = retries;
    this.known = known;
    this.nodes = new NodeWrites(client, retries, known);
    this.ties = new TieWrites(client, retries);
  }

  /**
   * Sets each node's values, creating the nodes that are absent. A citizen named twice gets the
   * values of both, the later winning where they name the same predicate.
   */
  public void upsertCitizens(Collection<CitizenNode> citizens) {
    nodes.upsert(citizens);
  }

  /**
   * Applies tie changes in the order given: for each pair and relation they name, the last change
   * decides whether the tie is there. Creates the nodes of citizens first seen in a tie.
   */
  public void applyTieChanges(List<TieChange> changes) {
    ties.apply(changes);
  }

  /**
   * The nodes of these citizens as stored, in the order given; a citizen without a node is left
   * out. For checks and tools: one read-only query per {@link #CITIZENS_PER_REQUEST} ids.
   */
  public List<StoredCitizen> readCitizens(Collection<String> citizenIds) {
    Map<String, StoredCitizen> found = new LinkedHashMap<>();
    String selection =
        "citizen_id "
            + String.join(" ", CitizenNode.PREDICATES)
            + " tie @facets(tie_relation) { citizen_id }";
    for (JsonNode node : nodesOf(citizenIds, selection)) {
      StoredCitizen citizen = storedCitizen(node);
      found.put(citizen.citizenId(), citizen);
    }
    return new LinkedHashSet<>(citizenIds)
        .stream().filter(found::containsKey).map(found::get).toList();
  }

  /**
   * Every tie with at least one end among these citizens, each once, one per relation: the edges
   * stored on their nodes and those pointing at them ({@code ~tie}).
   */
  public List<GraphTie> tiesOf(Collection<String> citizenIds) {
    Set<GraphTie> ties = new LinkedHashSet<>();
    String selection =
        "citizen_id tie @facets(tie_relation) { citizen_id }"
            + " ~tie @facets(tie_relation) { citizen_id }";
    for (JsonNode node : nodesOf(citizenIds, selection)) {
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
    return new ArrayList<>(ties);
  }

  /** Deletes these citizens' nodes and every tie to or from them; for tests and tools. */
  public void deleteCitizens(Collection<String> citizenIds) {
    known.forget(citizenIds);
    for (List<String> chunk : chunks(List.copyOf(new LinkedHashSet<>(citizenIds)))) {
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

  /**
   * The ids of the citizens whose id starts with {@code prefix}, in id order: the exact index of
   * citizen_id answers ranges. A test or a world under a prefix finds its own citizens this way.
   */
  public List<String> citizenIdsStartingWith(String prefix) {
    String query =
        "query q($from: string, $to: string) { n(func: ge(citizen_id, $from))"
            + " @filter(lt(citizen_id, $to)) { citizen_id } }";
    List<String> ids = new ArrayList<>();
    try (Transaction read = client.newReadOnlyTransaction()) {
      Dql.parse(read.queryWithVars(query, prefixRange(prefix)).getJson())
          .path("n")
          .forEach(node -> ids.add(node.path("citizen_id").asText()));
    }
    ids.sort(null);
    return ids;
  }

  /**
   * Deletes the nodes of the citizens whose id starts with {@code prefix}, with their ties, and
   * nothing else; an empty prefix is refused (it would name every citizen).
   *
   * @return how many nodes were deleted
   */
  public int deleteCitizensStartingWith(String prefix) {
    List<String> ids = citizenIdsStartingWith(prefix);
    deleteCitizens(ids);
    return ids.size();
  }

  private static Map<String, String> prefixRange(String prefix) {
    if (prefix.isEmpty()) {
      throw new IllegalArgumentException("an empty prefix would name every citizen");
    }
    // Citizen ids are ASCII (the contract's pattern), so every id under the prefix sorts below it.
    return Map.of("$from", prefix, "$to", prefix + "\uffff");
  }

  /** The nodes of these citizens, each with {@code selection}, read in chunks. */
  private List<JsonNode> nodesOf(Collection<String> citizenIds, String selection) {
    List<JsonNode> nodes = new ArrayList<>();
    for (List<String> chunk : chunks(List.copyOf(new LinkedHashSet<>(citizenIds)))) {
      CitizenVariables variables = new CitizenVariables();
      chunk.forEach(variables::of);
      String query =
          variables.query("  n(func: uid(" + variables.all() + ")) { " + selection + " }\n");
      try (Transaction read = client.newReadOnlyTransaction()) {
        Dql.parse(read.queryWithVars(query, variables.values()).getJson())
            .path("n")
            .forEach(nodes::add);
      }
    }
    return nodes;
  }

  private static List<List<String>> chunks(List<String> ids) {
    List<List<String>> chunks = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += CITIZENS_PER_REQUEST) {
      chunks.add(ids.subList(from, Math.min(ids.size(), from + CITIZENS_PER_REQUEST)));
    }
    return chunks;
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

  /** Every relation in a facet value; for readers of the graph. */
  public static List<String> relationsIn(String facet) {
    return Dql.relationsIn(facet);
  }
}
