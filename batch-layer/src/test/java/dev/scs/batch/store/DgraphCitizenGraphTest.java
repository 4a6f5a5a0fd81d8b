package dev.scs.batch.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.batch.graph.CitizenNodeValues;
import dev.scs.stores.dgraph.CitizenNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The values a run's row sets on a node: batch_score only where the run has one. */
class DgraphCitizenGraphTest {
  @Test
  void aRowWithABatchScoreSetsItAndTheMetrics() {
    CitizenNode node = DgraphCitizenGraph.node(new CitizenNodeValues("c-1", 512.5, 3, 0.125));

    assertThat(node.citizenId()).isEqualTo("c-1");
    assertThat(node.values())
        .isEqualTo(Map.of("degree", 3L, "pagerank", 0.125, "batch_score", 512.5));
  }

  @Test
  void aRowWithoutABatchScoreKeepsTheNodesBatchScore() {
    CitizenNode node = DgraphCitizenGraph.node(new CitizenNodeValues("nobody-2", null, 1, 0.5));

    assertThat(node.values()).containsOnlyKeys("degree", "pagerank");
  }
}
