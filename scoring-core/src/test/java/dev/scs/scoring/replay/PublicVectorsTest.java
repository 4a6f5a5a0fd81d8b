package dev.scs.scoring.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scs.scoring.config.ScoringConfig;
import dev.scs.scoring.config.ScoringConfigParser;
import dev.scs.scoring.event.CitizenRegistry;
import dev.scs.scoring.json.Json;
import dev.scs.scoring.rules.RuleSetParser;
import dev.scs.scoring.time.Instants;
import dev.scs.testing.ScoringVectors;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The public vectors agree in full: scores, ledger and rejects (contract, section 8). */
class PublicVectorsTest {

  static Stream<String> cases() {
    return ScoringVectors.caseNames().stream();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void replayAgreesWithTheIndependentImplementation(String name) throws Exception {
    ScoringVectors.Case vector = ScoringVectors.load(name);
    ScoringConfig config = ScoringConfigParser.parse(vector.configJson());
    Set<String> citizens = new HashSet<>();
    for (String line : vector.citizenLines()) {
      citizens.add(Json.mapper().readTree(line).get("citizen_id").textValue());
    }

    SequentialReplay.Output output =
        SequentialReplay.run(
            vector.eventLines(),
            RuleSetParser.parse(vector.rulesJson()),
            config,
            CitizenRegistry.of(citizens),
            Instants.parseOrThrow(vector.asOf(), "as_of"));

    assertScoresAgree(output.scoreLines(), vector.expectedScoreLines());
    assertThat(parse(output.ledgerLines()))
        .isEqualTo(normalisedLedger(vector.expectedLedgerLines()));
    assertThat(parse(output.rejectLines())).isEqualTo(parse(vector.expectedRejectLines()));
  }

  private static void assertScoresAgree(List<String> actualLines, List<String> expectedLines)
      throws Exception {
    assertThat(actualLines).hasSameSizeAs(expectedLines);
    for (int i = 0; i < expectedLines.size(); i++) {
      JsonNode actual = Json.mapper().readTree(actualLines.get(i));
      JsonNode expected = Json.mapper().readTree(expectedLines.get(i));
      String citizen = expected.get("citizen_id").textValue();
      assertThat(actual.get("citizen_id").textValue()).isEqualTo(citizen);
      assertThat(actual.get("raw").doubleValue())
          .as("raw of %s", citizen)
          .isCloseTo(expected.get("raw").doubleValue(), within(1e-6));
      assertThat(actual.get("score").decimalValue())
          .as("score of %s", citizen)
          .isCloseTo(expected.get("score").decimalValue(), within(new BigDecimal("0.01")));
      assertThat(actual.get("tier").textValue())
          .as("tier of %s", citizen)
          .isEqualTo(expected.get("tier").textValue());
      assertThat(actual.get("firings").longValue())
          .as("firings of %s", citizen)
          .isEqualTo(expected.get("firings").longValue());
    }
  }

  private static List<JsonNode> parse(List<String> lines) throws Exception {
    List<JsonNode> nodes = new java.util.ArrayList<>();
    for (String line : lines) {
      JsonNode node = Json.mapper().readTree(line);
      ((com.fasterxml.jackson.databind.node.ObjectNode) node).remove("detail");
      nodes.add(node);
    }
    return nodes;
  }

  /** The vectors write deltas such as "20.00"; compare them as decimals. */
  private static List<JsonNode> normalisedLedger(List<String> lines) throws Exception {
    List<JsonNode> nodes = parse(lines);
    for (JsonNode node : nodes) {
      com.fasterxml.jackson.databind.node.ObjectNode entry =
          (com.fasterxml.jackson.databind.node.ObjectNode) node;
      entry.put(
          "delta", new BigDecimal(entry.get("delta").textValue()).setScale(2).toPlainString());
    }
    return nodes;
  }
}
