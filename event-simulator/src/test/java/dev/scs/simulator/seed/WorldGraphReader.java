package dev.scs.simulator.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scs.simulator.world.Population;
import dev.scs.simulator.world.Tie;
import dev.scs.simulator.world.World;
import dev.scs.stores.dgraph.DgraphConnection;
import io.dgraph.Transaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads back one test's world from Dgraph: the citizens whose ids start with the test's prefix (the
 * exact index answers ranges), so that other runs' citizens are never read or touched.
 */
final class WorldGraphReader {
  private static final String RANGE = "func: ge(citizen_id, $from)) @filter(lt(citizen_id, $to)";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final DgraphConnection connection;
  private final String prefix;

  WorldGraphReader(DgraphConnection connection, String prefix) {
    if (prefix.isEmpty()) {
      throw new IllegalArgumentException("a test reads only the citizens under its own prefix");
    }
    this.connection = connection;
    this.prefix = prefix;
  }

  /** Every Citizen node under the prefix: "citizen_id region", sorted. */
  List<String> nodes() {
    List<String> nodes = new ArrayList<>();
    for (JsonNode node : query("{ citizen_id region dgraph.type }")) {
      nodes.add(
          node.path("citizen_id").asText()
              + " "
              + node.path("region").asText()
              + " "
              + node.path("dgraph.type"));
    }
    nodes.sort(null);
    return nodes;
  }

  /** Every tie edge from a citizen under the prefix: "from to relations", sorted. */
  List<String> ties() {
    List<String> ties = new ArrayList<>();
    for (JsonNode node : query("{ citizen_id tie @facets(tie_relation) { citizen_id } }")) {
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

  /** The nodes the world should have, as {@link #nodes()} reads them. */
  static List<String> expectedNodes(World world) {
    return world.population().citizens().stream()
        .map(
            citizen ->
                citizen.id()
                    + " "
                    + dev.scs.simulator.world.Regions.name(citizen.region())
                    + " [\"Citizen\"]")
        .sorted()
        .toList();
  }

  /** The generator's ties, as {@link #ties()} reads them: from the lesser id to the greater. */
  static List<String> expectedTies(World world) {
    Population population = world.population();
    List<String> ties = new ArrayList<>();
    for (Tie tie : world.graph().ties()) {
      String one = population.citizen(tie.one()).id();
      String other = population.citizen(tie.other()).id();
      boolean oneFirst = one.compareTo(other) < 0;
      ties.add(
          (oneFirst ? one : other)
              + " "
              + (oneFirst ? other : one)
              + " "
              + tie.relation().wireName());
    }
    ties.sort(null);
    return ties;
  }

  private JsonNode query(String selection) {
    String query = "query q($from: string, $to: string) { n(" + RANGE + ") " + selection + " }";
    try (Transaction read = connection.client().newReadOnlyTransaction()) {
      return MAPPER
          .readTree(
              read.queryWithVars(query, Map.of("$from", prefix, "$to", prefix + "\uffff"))
                  .getJson()
                  .toByteArray())
          .path("n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
