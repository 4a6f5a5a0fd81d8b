package dev.scs.stores.dgraph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import io.dgraph.DgraphProto.Mutation;
import io.dgraph.DgraphProto.Request;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/** What the graph's reads and writes share: JSON in and out of Dgraph, and the upsert request. */
final class Dql {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final String TYPE = "Citizen";

  private Dql() {}

  /** The part of a node every write sets: its id and type, so a new node is a whole Citizen. */
  static ObjectNode citizenNode(CitizenVariables variables, String citizenId) {
    return MAPPER
        .createObjectNode()
        .put("uid", variables.uidOf(citizenId))
        .put("citizen_id", citizenId)
        .put("dgraph.type", TYPE);
  }

  static Request upsert(CitizenVariables variables, ArrayNode set, ArrayNode delete) {
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

  static ByteString json(JsonNode node) {
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

  /** Every relation in a tie_relation facet value. */
  static List<String> relationsIn(String facet) {
    return Arrays.stream(facet.split(",")).map(String::trim).filter(r -> !r.isEmpty()).toList();
  }
}
