package dev.scs.stores.dgraph;

import com.fasterxml.jackson.databind.JsonNode;
import io.dgraph.DgraphClient;
import io.dgraph.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads back what one test wrote: the citizens whose ids start with the test's prefix, as stored
 * (every predicate, and how many nodes carry an id, which SocialGraph's reads do not show), and
 * deletes them afterwards.
 */
final class GraphReader {
  private final DgraphClient client;
  private final SocialGraph graph;
  private final String prefix;

  GraphReader(DgraphClient client, String prefix) {
    this.client = client;
    this.graph = new SocialGraph(client);
    this.prefix = prefix;
  }

  JsonNode node(String citizenId) {
    return query(
            "query q($id: string) { n(func: eq(citizen_id, $id)) { expand(_all_) } }", citizenId)
        .path("n")
        .path(0);
  }

  int nodeCount(String citizenId) {
    return query("query q($id: string) { n(func: eq(citizen_id, $id)) { uid } }", citizenId)
        .path("n")
        .size();
  }

  /** Every tie among this test's citizens: "from to relations", sorted. */
  List<String> ties() {
    List<String> ties = new ArrayList<>();
    for (StoredCitizen citizen : graph.readCitizens(graph.citizenIdsStartingWith(prefix))) {
      for (StoredCitizen.StoredTie tie : citizen.ties()) {
        ties.add(
            citizen.citizenId()
                + " "
                + tie.otherCitizenId()
                + " "
                + String.join(",", tie.relations()));
      }
    }
    ties.sort(null);
    return ties;
  }

  void deleteAll() {
    graph.deleteCitizensStartingWith(prefix);
  }

  private JsonNode query(String query, String citizenId) {
    try (Transaction read = client.newReadOnlyTransaction()) {
      return Dql.parse(read.queryWithVars(query, Map.of("$id", citizenId)).getJson());
    }
  }
}
