package dev.scs.serving.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.serving.support.FakeCitizenDirectory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GraphRoutesTest {

  /** Ties in memory, counting the citizens asked about. */
  static final class FakeTies implements TieSource {
    final List<Tie> ties = new ArrayList<>();
    int citizensAsked;

    FakeTies tie(String a, String b) {
      ties.add(Tie.of(a, b, "friend"));
      return this;
    }

    @Override
    public String name() {
      return "lake";
    }

    @Override
    public Optional<String> runId() {
      return Optional.of("r");
    }

    @Override
    public List<Tie> tiesOf(Collection<String> citizens) {
      citizensAsked += citizens.size();
      return ties.stream()
          .filter(t -> citizens.contains(t.citizenA()) || citizens.contains(t.citizenB()))
          .toList();
    }
  }

  @Test
  void theShortestPathIsFoundFromBothEnds() {
    // A long way round (a-b-c-d-e) and a short one (a-x-e).
    FakeTies ties =
        new FakeTies()
            .tie("a", "b")
            .tie("b", "c")
            .tie("c", "d")
            .tie("d", "e")
            .tie("a", "x")
            .tie("x", "e");
    GraphRoutes routes = new GraphRoutes(ties, new FakeCitizenDirectory());

    List<Tie> path = routes.shortestPath("a", "e");

    assertThat(path).containsExactly(Tie.of("a", "x", "friend"), Tie.of("e", "x", "friend"));
  }

  @Test
  void noPathBeyondSixTies() {
    FakeTies ties = new FakeTies();
    for (int i = 0; i < 7; i++) {
      ties.tie("n" + i, "n" + (i + 1));
    }
    GraphRoutes routes = new GraphRoutes(ties, new FakeCitizenDirectory());

    assertThat(routes.shortestPath("n0", "n6")).hasSize(6);
    assertThat(routes.shortestPath("n0", "n7")).isNull();
  }

  @Test
  void aCitizenIsZeroTiesFromItself() {
    assertThat(new GraphRoutes(new FakeTies(), new FakeCitizenDirectory()).shortestPath("a", "a"))
        .isEmpty();
  }

  @Test
  void tiesAreStoredWithTheirEndsInCodePointOrder() {
    assertThat(Tie.of("c-2", "c-1", "family")).isEqualTo(new Tie("c-1", "c-2", "family"));
    assertThat(new Tie("c-1", "c-2", "family").otherEnd("c-2")).isEqualTo("c-1");
  }
}
