package dev.scs.stores.dgraph;

import static dev.scs.stores.dgraph.Dql.MAPPER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dgraph.DgraphClient;
import io.dgraph.DgraphProto.Mutation;
import io.dgraph.DgraphProto.Request;
import io.dgraph.DgraphProto.Response;
import io.dgraph.Transaction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Node values, in requests of {@link #CITIZENS_PER_REQUEST} citizens: a citizen whose uid is known
 * gets its values set on that uid; the others are found by citizen_id in an upsert (and created
 * when absent), and their uids learnt from the answer.
 */
final class NodeWrites {
  /** Citizens per request: a few hundred kilobytes of JSON at most. */
  static final int CITIZENS_PER_REQUEST = 500;

  private final DgraphClient client;
  private final ConflictRetries retries;
  private final KnownUids known;

  NodeWrites(DgraphClient client, ConflictRetries retries, KnownUids known) {
    this.client = client;
    this.retries = retries;
    this.known = known;
  }

  void upsert(Collection<CitizenNode> nodes) {
    Map<String, Map<String, Object>> valuesOf = new LinkedHashMap<>();
    for (CitizenNode node : nodes) {
      valuesOf.computeIfAbsent(node.citizenId(), id -> new LinkedHashMap<>()).putAll(node.values());
    }
    List<Map.Entry<String, Map<String, Object>>> all = new ArrayList<>(valuesOf.entrySet());
    for (int from = 0; from < all.size(); from += CITIZENS_PER_REQUEST) {
      List<Map.Entry<String, Map<String, Object>>> chunk =
          all.subList(from, Math.min(all.size(), from + CITIZENS_PER_REQUEST));
      retries.run("upsert of " + chunk.size() + " citizen nodes", () -> write(chunk));
    }
  }

  private Void write(List<Map.Entry<String, Map<String, Object>>> chunk) {
    CitizenVariables variables = new CitizenVariables();
    ArrayNode set = MAPPER.createArrayNode();
    for (Map.Entry<String, Map<String, Object>> citizen : chunk) {
      Optional<String> uid = known.uidOf(citizen.getKey());
      if (uid.isPresent() && citizen.getValue().isEmpty()) {
        continue; // the node exists, and there is nothing to set
      }
      ObjectNode node =
          uid.isPresent()
              ? MAPPER.createObjectNode().put("uid", uid.get())
              : Dql.citizenNode(variables, citizen.getKey());
      citizen.getValue().forEach(node::putPOJO);
      set.add(node);
    }
    if (set.isEmpty()) {
      return null;
    }
    Request.Builder request =
        Request.newBuilder()
            .addMutations(Mutation.newBuilder().setSetJson(Dql.json(set)))
            .setCommitNow(true);
    if (!variables.isEmpty()) {
      // The found block answers the uids of the nodes that existed; new ones come in getUids.
      request
          .setQuery(
              variables.query("  found(func: uid(" + variables.all() + ")) { uid citizen_id }\n"))
          .putAllVars(variables.values());
    }
    Response response;
    try (Transaction transaction = client.newTransaction()) {
      response = transaction.doRequest(request.build());
    }
    learn(variables, response);
    return null;
  }

  private void learn(CitizenVariables variables, Response response) {
    if (variables.isEmpty()) {
      return;
    }
    for (JsonNode node : Dql.parse(response.getJson()).path("found")) {
      known.learn(node.path("citizen_id").asText(), node.path("uid").asText());
    }
    // New nodes come back as "uid(c3)" -> "0x2a".
    response
        .getUidsMap()
        .forEach(
            (blank, uid) ->
                variables
                    .citizenOfUidReference(blank)
                    .ifPresent(citizenId -> known.learn(citizenId, uid)));
  }
}
