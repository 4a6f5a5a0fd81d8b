package dev.scs.serving.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dgraph.DgraphClient;
import io.dgraph.DgraphProto.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ties from Dgraph (schemas/dgraph/schema.dql): {@code tie} edges between {@code Citizen} nodes,
 * the relation in the edge's facet {@code tie_relation}. One read-only DQL query per citizen, the
 * id passed as the query variable {@code $id}, never spliced into the query text.
 */
public final class DgraphTieSource implements TieSource {
  static final String QUERY =
      "query ties($id: string) {\n"
          + "  citizen(func: eq(citizen_id, $id)) {\n"
          + "    citizen_id\n"
          + "    out: tie @facets(tie_relation) { citizen_id }\n"
          + "    in: ~tie @facets(tie_relation) { citizen_id }\n"
          + "  }\n"
          + "}";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final DgraphClient client;

  public DgraphTieSource(DgraphClient client) {
    this.client = client;
  }

  @Override
  public String name() {
    return "dgraph";
  }

  @Override
  public Optional<String> runId() {
    // Dgraph holds the live graph, kept by the speed layer, not one run's.
    return Optional.empty();
  }

  @Override
  public List<Tie> tiesOf(Collection<String> citizens) {
    Set<Tie> ties = new LinkedHashSet<>();
    for (String citizen : citizens) {
      Response response =
          client.newReadOnlyTransaction().queryWithVars(QUERY, Map.of("$id", citizen));
      ties.addAll(parse(citizen, response.getJson().toStringUtf8()));
    }
    return new ArrayList<>(ties);
  }

  /** The ties in a response of {@link #QUERY}; facets come back as {@code "out|tie_relation"}. */
  static List<Tie> parse(String citizen, String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("Dgraph answered no JSON", e);
    }
    List<Tie> ties = new ArrayList<>();
    for (JsonNode node : root.path("citizen")) {
      for (String direction : List.of("out", "in")) {
        for (JsonNode other : node.path(direction)) {
          String otherId = other.path("citizen_id").asText(null);
          if (otherId == null || otherId.equals(citizen)) {
            continue;
          }
          ties.add(Tie.of(citizen, otherId, relation(other)));
        }
      }
    }
    return ties;
  }

  private static String relation(JsonNode edge) {
    Iterator<Map.Entry<String, JsonNode>> fields = edge.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getKey().endsWith("|tie_relation")) {
        return field.getValue().asText();
      }
    }
    return "friend";
  }
}
