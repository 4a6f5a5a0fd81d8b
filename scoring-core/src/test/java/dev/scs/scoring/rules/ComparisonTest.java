package dev.scs.scoring.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scs.scoring.json.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Contract section 3: condition leaves. */
class ComparisonTest {
  private static final String EVENT =
      "{\"source\":\"gen\",\"payload\":{\"amount\":12.50,\"days\":3,\"flag\":true,\"none\":null,"
          + "\"name\":\"b\",\"emoji\":\"\uD83D\uDE00\",\"cjk\":\"\uFF21\",\"list\":[1],\"nested\":{\"x\":1}}}";

  private static boolean test(String field, String op, String valueJson) throws Exception {
    ObjectNode event = (ObjectNode) Json.mapper().readTree(EVENT);
    JsonNode value = Json.mapper().readTree(valueJson);
    return new Comparison(FieldPath.parse(field), Operator.fromWireName(op), value).test(event);
  }

  @ParameterizedTest(name = "{0} {1} {2} is {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        // numbers compare by exact decimal value
        "payload.amount | eq | 12.5 | true",
        "payload.amount | eq | 12.500 | true",
        "payload.amount | gt | 12.49 | true",
        "payload.days | gte | 3 | true",
        "payload.days | lt | 3.0000001 | true",
        "payload.days | lte | 2.999 | false",
        // different JSON types never compare, ne included
        "payload.days | ne | \"3\" | false",
        "payload.flag | ne | 1 | false",
        "payload.flag | eq | 1 | false",
        "payload.none | ne | 0 | false",
        // booleans and null support only eq, ne and in
        "payload.flag | eq | true | true",
        "payload.flag | ne | false | true",
        "payload.flag | gt | false | false",
        "payload.none | eq | null | true",
        "payload.none | gte | null | false",
        // strings compare by code point
        "payload.name | gt | \"a\" | true",
        "payload.name | gte | \"B\" | true",
        "payload.emoji | gt | \"\uFF21\" | true",
        "payload.cjk | lt | \"\uD83D\uDE00\" | true",
        "source | eq | \"gen\" | true",
        // in: some element is eq
        "payload.name | in | [\"a\", \"b\"] | true",
        "payload.days | in | [\"3\", 3.0] | true",
        "payload.days | in | [] | false",
        "payload.flag | in | [1, \"true\"] | false",
        // a missing field is false, except exists false
        "payload.missing | eq | 1 | false",
        "payload.missing | ne | 1 | false",
        "payload.missing | exists | true | false",
        "payload.missing | exists | false | true",
        "payload.none | exists | true | true",
        "payload.days.deeper | exists | false | true",
        // objects and arrays are not comparable values
        "payload.list | eq | 1 | false",
        "payload.nested | ne | 1 | false",
        "payload.nested.x | eq | 1 | true",
      })
  void leavesFollowTheContract(String field, String op, String value, boolean expected)
      throws Exception {
    assertThat(test(field, op, value)).isEqualTo(expected);
  }
}
