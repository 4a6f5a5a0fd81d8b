package dev.scs.speed.dgraph;

import dev.scs.speed.port.OutcomeSink;
import dev.scs.speed.scoring.CitizenUpdate;
import dev.scs.speed.scoring.MicroBatchOutcome;
import dev.scs.stores.dgraph.CitizenNode;
import dev.scs.stores.dgraph.SocialGraph;
import dev.scs.stores.dgraph.TieChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The micro-batch's tie changes, then each touched citizen's score and tier on its node. Both are
 * upserts (SocialGraph), so a replayed micro-batch leaves the graph as the first write did: each
 * pair and relation the batch names ends as its last change says, and node values are absolute.
 * Ties go first so that a citizen first seen in a tie and scored in the same batch gets one node.
 */
public final class DgraphGraphSink implements OutcomeSink {
  private final SocialGraph graph;

  public DgraphGraphSink(SocialGraph graph) {
    this.graph = graph;
  }

  @Override
  public String name() {
    return "dgraph";
  }

  @Override
  public void write(MicroBatchOutcome outcome) {
    List<TieChange> ties = TieEvents.changesIn(outcome.accepted());
    if (!ties.isEmpty()) {
      graph.applyTieChanges(ties);
    }
    graph.upsertCitizens(nodes(outcome.citizens()));
  }

  static List<CitizenNode> nodes(List<CitizenUpdate> citizens) {
    List<CitizenNode> nodes = new ArrayList<>(citizens.size());
    for (CitizenUpdate citizen : citizens) {
      // One map per citizen: with() would copy and check it once per value, every micro-batch.
      nodes.add(
          new CitizenNode(
              citizen.citizenId(),
              Map.of(
                  "score", citizen.score().score().doubleValue(), "tier", citizen.score().tier())));
    }
    return nodes;
  }
}
