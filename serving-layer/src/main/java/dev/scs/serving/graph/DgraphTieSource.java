package dev.scs.serving.graph;

import dev.scs.stores.dgraph.GraphTie;
import dev.scs.stores.dgraph.SocialGraph;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Ties from Dgraph (schemas/dgraph/schema.dql), the live graph the speed layer keeps and the seed
 * command starts, read through the shared SocialGraph: a few read-only queries per frontier of a
 * network or path search (up to 500 citizens each), ids passed as query variables.
 */
public final class DgraphTieSource implements TieSource {
  private final SocialGraph graph;

  public DgraphTieSource(SocialGraph graph) {
    this.graph = graph;
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
    return graph.tiesOf(citizens).stream().map(DgraphTieSource::tie).toList();
  }

  private static Tie tie(GraphTie tie) {
    return new Tie(tie.citizenA(), tie.citizenB(), tie.relation());
  }
}
