package dev.scs.stores.dgraph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scs.stores.IsolatedStores;
import dev.scs.stores.setup.SetupStep;
import dev.scs.stores.setup.SetupStep.Outcome;
import dev.scs.testing.LocalStackAddresses;
import dev.scs.testing.RequiresLocalStack;
import dev.scs.testing.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The social graph's writes on the stack's Dgraph with the project's schema. Citizen ids are unique
 * to the test run ({@code it_xxxxxxxx-...}) and their nodes deleted afterwards, so the graph of
 * other runs is left alone.
 */
@RequiresLocalStack(Service.DGRAPH)
class SocialGraphIT {
  private DgraphConnection connection;
  private SocialGraph graph;
  private GraphReader reader;
  private String prefix;

  @BeforeEach
  void connect(LocalStackAddresses addresses) {
    connection =
        DgraphConnection.open(IsolatedStores.settings(addresses, IsolatedStores.uniqueName()));
    new DgraphSchemaSetup(connection.client()).apply();
    graph = new SocialGraph(connection.client());
    prefix = IsolatedStores.uniqueName() + "-";
    reader = new GraphReader(connection.client(), prefix);
  }

  @AfterEach
  void removeThisRunsCitizens() {
    reader.deleteAll();
    connection.close();
  }

  private String citizen(String name) {
    return prefix + name;
  }

  @Test
  void theSchemaIsAppliedOnceAndThenFoundUnchanged() {
    assertThat(new DgraphSchemaSetup(connection.client()).apply())
        .extracting(SetupStep::outcome)
        .containsExactly(Outcome.UNCHANGED);
  }

  @Test
  void anUpsertSetsTheValuesGivenAndKeepsTheOthersOnTheOneNodeOfTheCitizen() {
    graph.upsertCitizens(
        List.of(CitizenNode.of(citizen("a")).with("score", 512.5).with("tier", "trusted")));
    graph.upsertCitizens(
        List.of(
            CitizenNode.of(citizen("a")).with("degree", 3),
            CitizenNode.of(citizen("a")).with("score", 480.25)));

    assertThat(reader.nodeCount(citizen("a"))).isEqualTo(1);
    JsonNode node = reader.node(citizen("a"));
    assertThat(node.path("score").asDouble()).isEqualTo(480.25);
    assertThat(node.path("tier").asText()).isEqualTo("trusted");
    assertThat(node.path("degree").asInt()).isEqualTo(3);
  }

  @Test
  void theLastChangeOfEachPairAndRelationDecidesWhetherTheTieIsThere() {
    List<TieChange> changes =
        List.of(
            TieChange.added(citizen("b"), citizen("a"), "friend"),
            TieChange.added(citizen("a"), citizen("b"), "family"),
            TieChange.removed(citizen("a"), citizen("b"), "friend"),
            TieChange.added(citizen("a"), citizen("c"), "colleague"),
            TieChange.removed(citizen("c"), citizen("d"), "neighbor"));

    graph.applyTieChanges(changes);

    assertThat(reader.ties())
        .containsExactlyInAnyOrder(
            citizen("a") + " " + citizen("b") + " family",
            citizen("a") + " " + citizen("c") + " colleague");
    assertThat(reader.nodeCount(citizen("a"))).isEqualTo(1);
    assertThat(reader.nodeCount(citizen("d"))).isZero();
  }

  @Test
  void aReplayedBatchOfTieChangesChangesNothing() {
    List<TieChange> changes =
        List.of(
            TieChange.added(citizen("a"), citizen("b"), "friend"),
            TieChange.added(citizen("b"), citizen("a"), "neighbor"),
            TieChange.removed(citizen("a"), citizen("c"), "friend"));
    graph.applyTieChanges(changes);
    List<String> once = reader.ties();

    graph.applyTieChanges(changes);

    assertThat(reader.ties()).isEqualTo(once);
    assertThat(once).containsExactly(citizen("a") + " " + citizen("b") + " friend,neighbor");
  }

  @Test
  void removingTheLastRelationRemovesTheEdgeAndKeepsTheNodes() {
    graph.applyTieChanges(List.of(TieChange.added(citizen("a"), citizen("b"), "friend")));

    graph.applyTieChanges(List.of(TieChange.removed(citizen("b"), citizen("a"), "friend")));

    assertThat(reader.ties()).isEmpty();
    assertThat(reader.nodeCount(citizen("a"))).isEqualTo(1);
    assertThat(reader.nodeCount(citizen("b"))).isEqualTo(1);
  }

  @Test
  void writersRacingOnTheSameNewCitizensLeaveOneNodeEachAndEveryValueWritten() throws Exception {
    List<String> citizens = IntStream.range(0, 20).mapToObj(i -> citizen("r" + i)).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int writer = 0; writer < 4; writer++) {
        String predicate = List.of("score", "degree", "pagerank", "batch_score").get(writer);
        Object value = writer == 1 ? (Object) 7 : (Object) 1.5;
        writers.add(
            pool.submit(
                () ->
                    graph.upsertCitizens(
                        citizens.stream()
                            .map(id -> CitizenNode.of(id).with(predicate, value))
                            .toList())));
      }
      for (Future<?> writer : writers) {
        writer.get();
      }
    } finally {
      pool.shutdown();
    }

    for (String id : citizens) {
      assertThat(reader.nodeCount(id)).as(id).isEqualTo(1);
      JsonNode node = reader.node(id);
      assertThat(node.path("degree").asInt()).isEqualTo(7);
      assertThat(node.path("pagerank").asDouble()).isEqualTo(1.5);
      assertThat(node.path("score").asDouble()).isEqualTo(1.5);
      assertThat(node.path("batch_score").asDouble()).isEqualTo(1.5);
    }
  }

  @Test
  void citizensAreReadBackWithTheirValuesAndTiesAndDeletedWithTheirTies() {
    graph.upsertCitizens(List.of(CitizenNode.of(citizen("a")).with("score", 512.5)));
    graph.applyTieChanges(
        List.of(
            TieChange.added(citizen("a"), citizen("b"), "friend"),
            TieChange.added(citizen("a"), citizen("b"), "colleague"),
            TieChange.added(citizen("c"), citizen("b"), "family")));

    List<StoredCitizen> read =
        graph.readCitizens(List.of(citizen("b"), citizen("a"), citizen("none")));

    assertThat(read)
        .containsExactly(
            new StoredCitizen(
                citizen("b"),
                java.util.Map.of(),
                List.of(new StoredCitizen.StoredTie(citizen("c"), List.of("family")))),
            new StoredCitizen(
                citizen("a"),
                java.util.Map.of("score", 512.5),
                List.of(
                    new StoredCitizen.StoredTie(citizen("b"), List.of("colleague", "friend")))));

    graph.deleteCitizens(List.of(citizen("b")));

    assertThat(graph.readCitizens(List.of(citizen("a"), citizen("b"), citizen("c"))))
        .extracting(StoredCitizen::citizenId, citizen -> citizen.ties().size())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(citizen("a"), 0),
            org.assertj.core.groups.Tuple.tuple(citizen("c"), 0));
  }

  @Test
  void theTiesOfACitizenAreFoundFromBothEndsOncePerRelation() {
    graph.applyTieChanges(
        List.of(
            TieChange.added(citizen("b"), citizen("a"), "friend"),
            TieChange.added(citizen("a"), citizen("b"), "family"),
            TieChange.added(citizen("b"), citizen("c"), "colleague"),
            TieChange.added(citizen("c"), citizen("d"), "neighbor")));

    assertThat(graph.tiesOf(List.of(citizen("b"), citizen("a"))))
        .containsExactlyInAnyOrder(
            new GraphTie(citizen("a"), citizen("b"), "family"),
            new GraphTie(citizen("a"), citizen("b"), "friend"),
            new GraphTie(citizen("b"), citizen("c"), "colleague"));
    assertThat(graph.tiesOf(List.of(citizen("nobody")))).isEmpty();
  }

  @Test
  void aGraphThatRemembersNodesWritesOnThemAndCreatesThemAgainAfterADelete() {
    SocialGraph remembering = new SocialGraph(connection.client(), java.time.Duration.ofMinutes(5));
    List<String> ids = IntStream.range(0, 700).mapToObj(i -> citizen("m" + i)).toList();

    remembering.upsertCitizens(
        ids.stream().map(id -> CitizenNode.of(id).with("score", 1.5)).toList());
    remembering.upsertCitizens(
        ids.stream().map(id -> CitizenNode.of(id).with("score", 2.5).with("tier", "t")).toList());

    List<StoredCitizen> stored = graph.readCitizens(ids);
    assertThat(stored).hasSize(700);
    assertThat(stored)
        .allSatisfy(
            citizen ->
                assertThat(citizen.values())
                    .containsEntry("score", 2.5)
                    .containsEntry("tier", "t"));
    assertThat(reader.nodeCount(ids.get(0))).isEqualTo(1);

    remembering.deleteCitizens(List.of(ids.get(0)));
    remembering.upsertCitizens(List.of(CitizenNode.of(ids.get(0)).with("score", 3.5)));

    assertThat(graph.readCitizens(List.of(ids.get(0))))
        .singleElement()
        .satisfies(
            citizen -> assertThat(citizen.values()).isEqualTo(java.util.Map.of("score", 3.5)));
  }

  @Test
  void anIdThatLooksLikeDqlIsStoredAsText() {
    String odd = citizen("x\")) { q(func: has(citizen_id)) { uid } } #");

    graph.upsertCitizens(List.of(CitizenNode.of(odd).with("tier", "t")));

    assertThat(reader.node(odd).path("tier").asText()).isEqualTo("t");
  }
}
