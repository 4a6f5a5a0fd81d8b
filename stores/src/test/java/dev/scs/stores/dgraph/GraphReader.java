package dev.scs.stores.dgraph;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import io.dgraph.DgraphClient;
import io.dgraph.DgraphProto.Mutation;
import io.dgraph.DgraphProto.Request;
import io.dgraph.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads back what one test wrote: the citizens whose ids start with the test's prefix (the exact
 * index answers ranges), and deletes them afterwards.
 */
final class GraphReader {
  private static final String RANGE = "func: ge(citizen_id, $from)) @filter(lt(citizen_id, $to)";

  private final DgraphClient client;
  private final String prefix;

  GraphReader(DgraphClient client, String prefix) {
    this.client = client;
    this.prefix = prefix;
  }

  JsonNode node(String citizenId) {
    return query(
            "query q($id: string) { n(func: eq(citizen_id, $id)) { expand(_all_) } }",
            Map.of("$id", citizenId))
        .path("n")
        .path(0);
  }

  int nodeCount(String citizenId) {
    return query(
            "query q($id: string) { n(func: eq(citizen_id, $id)) { uid } }",
            Map.of("$id", citizenId))
        .path("n")
        .size();
  }

  /** Every tie among this test's citizens: "from to relations", sorted. */
  List<String> ties() {
    JsonNode answer =
        query(
            "query q($from: string, $to: string) { n("
                + RANGE
                + ") { citizen_id tie @facets(tie_relation) { citizen_id } } }",
            range());
    List<String> ties = new ArrayList<>();
    for (JsonNode node : answer.path("n")) {
      for (JsonNode edge : node.path("tie")) {
        ties.add(
            node.path("citizen_id").asText()
                + " "
                + edge.path("citizen_id").asText()
                + " "
                + edge.path("tie|tie_relation").asText());
      }
    }
    ties.sort(null);
    return ties;
  }

  void deleteAll() {
    Request delete =
        Request.newBuilder()
            .setQuery("query q($from: string, $to: string) { mine as var(" + RANGE + ") }")
            .putAllVars(range())
            .addMutations(
                Mutation.newBuilder().setDelNquads(ByteString.copyFromUtf8("uid(mine) * * .")))
            .setCommitNow(true)
            .build();
    try (Transaction transaction = client.newTransaction()) {
      transaction.doRequest(delete);
    }
  }

  private Map<String, String> range() {
    return Map.of("$from", prefix, "$to", prefix + "\uffff");
  }

  private JsonNode query(String query, Map<String, String> variables) {
    try (Transaction read = client.newReadOnlyTransaction()) {
      return Dql.parse(read.queryWithVars(query, variables).getJson());
    }
  }
}
