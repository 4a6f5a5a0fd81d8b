package dev.scs.scoring.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scs.scoring.json.Json;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Contract section 3: points in exact decimal arithmetic, clamped, rounded half-even. */
class PointsTest {

  private static ObjectNode event(String payload) throws Exception {
    return (ObjectNode) Json.mapper().readTree("{\"payload\":" + payload + "}");
  }

  private static BigDecimal decimal(String text) {
    return text == null ? null : new BigDecimal(text);
  }

  @ParameterizedTest
  @CsvSource({
    "2, 2.00",
    "0.125, 0.12",
    "0.135, 0.14",
    "-150.5, -150.50",
    "0.005, 0.00",
    "-0.015, -0.02"
  })
  void constantsAreRoundedHalfEvenToTwoPlaces(String value, String expected) throws Exception {
    assertThat(new Points.Constant(decimal(value)).evaluate(event("{}")))
        .isEqualTo(decimal(expected));
  }

  @ParameterizedTest
  @CsvSource({
    // base, factor, min, max, x, expected
    "-5, -0.5, -60, -5, 9, -9.50",
    "-5, -0.5, -60, -5, -1, -5.00",
    "-5, -0.5, -60, -5, 200, -60.00",
    "-1.5, -0.005, -75.25, -1, 4701, -25.00",
    "-1.5, -0.005, -75.25, -1, 4703, -25.02",
    "0.005, 0.01, 1, 50, 0.1, 1.00",
    "0, 0.335, , , 15, 5.02",
    "0, 0.1, , , 0.2, 0.02",
    "0, 2.5, , 20, 7.3, 18.25",
  })
  void linearPointsAreExactDecimalThenClampedThenRounded(
      String base, String factor, String min, String max, String x, String expected)
      throws Exception {
    Points points =
        new Points.Linear(
            decimal(base),
            FieldPath.parse("payload.x"),
            decimal(factor),
            decimal(min),
            decimal(max));
    assertThat(points.evaluate(event("{\"x\":" + x + "}"))).isEqualTo(decimal(expected));
  }

  @Test
  void aMissingOrNonNumericFieldMeansTheRuleDoesNotFire() throws Exception {
    Points points =
        new Points.Linear(BigDecimal.ONE, FieldPath.parse("payload.x"), BigDecimal.ONE, null, null);
    assertThat(points.evaluate(event("{}"))).isNull();
    assertThat(points.evaluate(event("{\"x\":\"5\"}"))).isNull();
    assertThat(points.evaluate(event("{\"x\":true}"))).isNull();
  }
}
