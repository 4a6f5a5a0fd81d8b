package dev.scs.serving.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.stores.StoreSettings;
import dev.scs.stores.dgraph.DgraphConnection;
import dev.scs.stores.dgraph.DgraphSchemaSetup;
import dev.scs.stores.dgraph.SocialGraph;
import dev.scs.stores.dgraph.TieChange;
import dev.scs.testing.LocalStackAddresses;
import dev.scs.testing.RequiresLocalStack;
import dev.scs.testing.Service;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Dgraph adapter on the stack's Dgraph, reading what the speed layer's writer (SocialGraph)
 * wrote: ties from both ends, one per relation, and an injection attempt that finds nothing.
 * Citizen ids are unique to the run and their nodes deleted afterwards (Dgraph has one graph).
 */
@RequiresLocalStack(Service.DGRAPH)
class DgraphTieSourceIT {

  @Test
  void tiesAreReadFromBothEndsOncePerRelation(LocalStackAddresses addresses) {
    String run = "it-" + UUID.randomUUID().toString().substring(0, 8);
    String a = run + "-a";
    String b = run + "-b";
    String c = run + "-c";
    StoreSettings settings =
        StoreSettings.from(Map.of(StoreSettings.DGRAPH_ADDRESS, addresses.dgraph().toString()));
    try (DgraphConnection dgraph = DgraphConnection.open(settings)) {
      new DgraphSchemaSetup(dgraph.client()).apply();
      SocialGraph graph = new SocialGraph(dgraph.client());
      try {
        graph.applyTieChanges(
            List.of(
                TieChange.added(a, b, "friend"),
                TieChange.added(b, a, "colleague"),
                TieChange.added(c, b, "family")));
        DgraphTieSource source = new DgraphTieSource(graph);

        assertThat(source.tiesOf(List.of(b)))
            .containsExactlyInAnyOrder(
                Tie.of(a, b, "friend"), Tie.of(a, b, "colleague"), Tie.of(b, c, "family"));
        assertThat(source.tiesOf(List.of(c))).containsExactly(Tie.of(b, c, "family"));
        assertThat(source.tiesOf(List.of(b + "\") { uid } q2(func: has(citizen_id)"))).isEmpty();
      } finally {
        graph.deleteCitizens(List.of(a, b, c));
      }
    }
  }
}
