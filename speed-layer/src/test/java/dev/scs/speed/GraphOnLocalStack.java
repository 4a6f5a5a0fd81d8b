package dev.scs.speed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scs.speed.fakes.ExpectedVectors;
import dev.scs.speed.fakes.KafkaLikeRecord;
import dev.scs.speed.fakes.VectorFeed;
import dev.scs.stores.dgraph.DgraphConnection;
import dev.scs.stores.dgraph.SocialGraph;
import dev.scs.stores.dgraph.StoredCitizen;
import dev.scs.testing.ScoringVectors;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;

/**
 * What Dgraph must hold after a vector case streamed through: each scored citizen's score and tier
 * as in MongoDB, and the ties that the case's accepted tie events leave when applied in canonical
 * order (the last event of a pair and relation decides). Dgraph has one graph for every test, so
 * the case's citizens are deleted from it before and after.
 */
final class GraphOnLocalStack {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private GraphOnLocalStack() {}

  static void forget(SpeedLayerConfig config, Collection<String> citizenIds) {
    try (DgraphConnection dgraph = DgraphConnection.open(config.stores())) {
      new SocialGraph(dgraph.client()).deleteCitizens(citizenIds);
    }
  }

  static void assertTheGraphHoldsTheScoresAndTies(
      SpeedLayerConfig config,
      ScoringVectors.Case vectors,
      Collection<String> citizenIds,
      Map<String, Document> scores)
      throws IOException {
    List<StoredCitizen> stored;
    try (DgraphConnection dgraph = DgraphConnection.open(config.stores())) {
      stored = new SocialGraph(dgraph.client()).readCitizens(citizenIds);
    }
    List<String> ties = new ArrayList<>();
    for (StoredCitizen citizen : stored) {
      for (StoredCitizen.StoredTie tie : citizen.ties()) {
        tie.relations()
            .forEach(
                relation -> ties.add(tieKey(citizen.citizenId(), tie.otherCitizenId(), relation)));
      }
      Document score = scores.get(citizen.citizenId());
      if (score != null) {
        assertThat(BigDecimal.valueOf(((Number) citizen.values().get("score")).doubleValue()))
            .as(citizen.citizenId())
            .isEqualByComparingTo(BigDecimal.valueOf(score.getDouble("score")));
        assertThat(citizen.values().get("tier"))
            .as(citizen.citizenId())
            .isEqualTo(score.getString("tier"));
      }
    }
    assertThat(stored.stream().map(StoredCitizen::citizenId)).containsAll(scores.keySet());
    List<String> expected = expectedTies(vectors);
    assertThat(expected).as("the case has ties").isNotEmpty();
    assertThat(ties).containsExactlyInAnyOrderElementsOf(expected);
  }

  private static List<String> expectedTies(ScoringVectors.Case vectors) throws IOException {
    Map<Integer, String> rejects = ExpectedVectors.rejects(vectors);
    VectorFeed feed = VectorFeed.inCanonicalOrder(vectors);
    Map<String, Boolean> live = new TreeMap<>();
    for (KafkaLikeRecord record : feed.records()) {
      int line =
          feed.lineOf(record.getTopic() + "/" + record.getPartition() + "/" + record.getOffset());
      if (rejects.containsKey(line)) {
        continue;
      }
      JsonNode event = MAPPER.readTree(new String(record.getValue(), StandardCharsets.UTF_8));
      String type = event.path("type").asText();
      if (type.equals("social.tie_added") || type.equals("social.tie_removed")) {
        JsonNode payload = event.path("payload");
        if (payload.path("other_citizen_id").asText().equals(event.path("citizen_id").asText())) {
          continue; // a tie to oneself is accepted but is no tie
        }
        live.put(
            tieKey(
                event.path("citizen_id").asText(),
                payload.path("other_citizen_id").asText(),
                payload.path("relation").asText()),
            type.equals("social.tie_added"));
      }
    }
    return live.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
  }

  private static String tieKey(String one, String other, String relation) {
    return one.compareTo(other) < 0
        ? one + " " + other + " " + relation
        : other + " " + one + " " + relation;
  }
}
