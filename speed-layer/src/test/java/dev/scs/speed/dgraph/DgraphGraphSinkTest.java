package dev.scs.speed.dgraph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.scoring.view.Score;
import dev.scs.speed.scoring.AcceptedEvent;
import dev.scs.speed.scoring.CitizenUpdate;
import dev.scs.stores.dgraph.CitizenNode;
import dev.scs.stores.dgraph.TieChange;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DgraphGraphSinkTest {

  @Test
  void tieEventsBecomeTieChangesInCanonicalOrderAndOtherEventsAndSelfTiesAreLeftOut() {
    List<AcceptedEvent> accepted =
        List.of(
            event(
                "e-3",
                "c-2",
                "social.tie_removed",
                3_000,
                "{\"other_citizen_id\": \"c-1\", \"relation\": \"friend\"}"),
            event("e-1", "c-1", "payment.on_time", 1_000, "{\"amount\": 10}"),
            event(
                "e-2",
                "c-1",
                "social.tie_added",
                3_000,
                "{\"other_citizen_id\": \"c-2\", \"relation\": \"friend\"}"),
            event(
                "e-4",
                "c-2",
                "social.tie_removed",
                500,
                "{\"other_citizen_id\": \"c-2\", \"relation\": \"neighbor\"}"),
            event(
                "e-0",
                "c-3",
                "social.tie_added",
                2_000,
                "{\"other_citizen_id\": \"c-1\", \"relation\": \"family\"}"));

    assertThat(TieEvents.changesIn(accepted))
        .containsExactly(
            TieChange.added("c-3", "c-1", "family"),
            TieChange.added("c-1", "c-2", "friend"),
            TieChange.removed("c-2", "c-1", "friend"));
  }

  @Test
  void eachTouchedCitizenGetsItsScoreAndTierOnItsNode() {
    CitizenUpdate update =
        new CitizenUpdate(
            "c-1",
            Map.of(),
            Set.of(),
            null,
            null,
            1_000,
            new Score(12.5, new BigDecimal("512.50"), "trusted", 3),
            1_000);

    assertThat(DgraphGraphSink.nodes(List.of(update)))
        .containsExactly(CitizenNode.of("c-1").with("score", 512.5).with("tier", "trusted"));
  }

  private static AcceptedEvent event(
      String eventId, String citizenId, String type, long occurredAt, String payload) {
    String json =
        "{\"event_id\": \"%s\", \"citizen_id\": \"%s\", \"type\": \"%s\", \"payload\": %s}"
            .formatted(eventId, citizenId, type, payload);
    return new AcceptedEvent(
        eventId, citizenId, type, occurredAt, "test", json, occurredAt, "citizen-events", 0, 0);
  }
}
