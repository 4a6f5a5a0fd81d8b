package dev.scs.simulator.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scs.simulator.world.Population;
import dev.scs.simulator.world.World;
import dev.scs.stores.dgraph.CitizenNode;
import dev.scs.stores.dgraph.SocialGraph;
import dev.scs.stores.dgraph.TieChange;
import dev.scs.stores.setup.SetupStep;
import dev.scs.stores.setup.SetupStep.Outcome;
import io.dgraph.DgraphClient;
import io.dgraph.Transaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The synthetic world in Dgraph: seed writes its citizens and initial ties through {@link
 * SocialGraph} (upserts, so a second seed changes nothing), and reset of a world under a citizen id
 * prefix removes only that world's nodes. A world's citizens are found by id range: the ids are
 * zero-padded, so the population's first and last id bound exactly its citizens.
 */
public final class DgraphWorld {
  /** Nodes or ties per write, and so per progress line. */
  static final int PER_PROGRESS_LINE = 5_000;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final DgraphClient client;

  public DgraphWorld(DgraphClient client) {
    this.client = client;
  }

  /** The world's citizen nodes (with their region) and initial ties, set as the world has them. */
  public GraphWrite write(World world, Consumer<String> progress) {
    Population population = world.population();
    String first = population.citizen(0).id();
    String last = population.citizen(population.size() - 1).id();
    Counts before = count(first, last);
    SocialGraph graph = new SocialGraph(client);
    List<CitizenNode> nodes = InitialGraph.citizenNodes(world);
    inChunks(nodes, "citizen nodes", graph::upsertCitizens, progress);
    List<TieChange> ties = InitialGraph.tieChanges(world);
    inChunks(ties, "ties", graph::applyTieChanges, progress);
    Counts after = count(first, last);
    return new GraphWrite(
        nodes.size(),
        ties.size(),
        Math.max(0, after.nodes() - before.nodes()),
        Math.max(0, after.ties() - before.ties()));
  }

  private static <T> void inChunks(
      List<T> all, String what, Consumer<List<T>> write, Consumer<String> progress) {
    for (int from = 0; from < all.size(); from += PER_PROGRESS_LINE) {
      int to = Math.min(all.size(), from + PER_PROGRESS_LINE);
      write.accept(all.subList(from, to));
      progress.accept(String.format(Locale.ROOT, "dgraph: %,d of %,d %s", to, all.size(), what));
    }
  }

  /** Nodes and tie edges among the citizens whose ids lie between first and last, inclusive. */
  Counts count(String first, String last) {
    String query =
        "query world($first: string, $last: string) {\n"
            + "  world as var(func: ge(citizen_id, $first)) @filter(le(citizen_id, $last))\n"
            + "  var(func: uid(world)) { t as count(tie @filter(uid(world))) }\n"
            + "  nodes(func: uid(world)) { count(uid) }\n"
            + "  ties() { count: sum(val(t)) }\n"
            + "}";
    JsonNode answer = query(query, Map.of("$first", first, "$last", last));
    return new Counts(
        answer.path("nodes").path(0).path("count").asLong(0),
        answer.path("ties").path(0).path("count").asLong(0));
  }

  /** Node and tie edge counts of a range of citizens. */
  record Counts(long nodes, long ties) {}

  /**
   * Deletes the nodes (and their edges) of every citizen whose id starts with the prefix: a world
   * under a prefix shares Dgraph with the project's world and other runs, and leaves them alone.
   */
  public SetupStep removeUnder(String citizenIdPrefix) {
    String item = "citizen nodes " + citizenIdPrefix + "*";
    int nodes = new SocialGraph(client).deleteCitizensStartingWith(citizenIdPrefix);
    return nodes == 0
        ? SetupStep.of("dgraph", item, Outcome.ABSENT)
        : new SetupStep("dgraph", item, Outcome.REMOVED, nodes + " nodes");
  }

  private JsonNode query(String query, Map<String, String> variables) {
    try (Transaction read = client.newReadOnlyTransaction()) {
      return MAPPER.readTree(read.queryWithVars(query, variables).getJson().toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("Dgraph answered no JSON", e);
    }
  }
}
