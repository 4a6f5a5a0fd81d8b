package dev.scs.stores.mongodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scs.scoring.json.Json;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class JsonDocumentsTest {

  private static JsonNode json(String text) throws Exception {
    return Json.mapper().readTree(text);
  }

  @Test
  void integersBecomeIntegersOfTheNarrowestFittingWidth() throws Exception {
    Document document = JsonDocuments.toDocument(json("{\"small\":3,\"large\":5000000000}"));

    assertThat(document.get("small")).isEqualTo(3);
    assertThat(document.get("large")).isEqualTo(5_000_000_000L);
  }

  @Test
  void aRuleVersionSurvivesTheRoundTripWithItsDecimalsAsWritten() throws Exception {
    String rule =
        "{\"rule_id\":\"payment-late\",\"version\":2,\"condition\":{\"all\":[{\"field\":"
            + "\"payload.days_late\",\"op\":\"in\",\"value\":[3,\"x\",true,null]}]},\"points\":"
            + "{\"base\":-5,\"field\":\"payload.days_late\",\"factor\":-0.5,\"min\":-60.25,"
            + "\"max\":-5},\"effective_to\":null,\"enabled\":true}";

    JsonNode back = JsonDocuments.toJson(JsonDocuments.toDocument(json(rule)));

    assertThat(JsonDocuments.write(back)).isEqualTo(rule);
  }

  @Test
  void aDecimalADoubleCannotHoldIsRefusedNamingItsPath() {
    assertThatThrownBy(
            () ->
                JsonDocuments.toDocument(json("{\"points\":{\"factor\":0.12345678901234567890}}")))
        .isInstanceOf(JsonDocuments.InexactNumberException.class)
        .hasMessageStartingWith("0.12345678901234567890 cannot be stored exactly")
        .extracting(e -> ((JsonDocuments.InexactNumberException) e).path())
        .isEqualTo("points.factor");
  }

  @Test
  void anIntegerBeyondSixtyFourBitsIsRefused() {
    assertThatThrownBy(() -> JsonDocuments.toDocument(json("{\"list\":[1,99999999999999999999]}")))
        .isInstanceOf(JsonDocuments.InexactNumberException.class)
        .extracting(e -> ((JsonDocuments.InexactNumberException) e).path())
        .isEqualTo("list[1]");
  }

  @Test
  void numbersOfTheSameValueAreTheSameDataWhateverTheirTextAndFieldOrder() throws Exception {
    assertThat(
            JsonDocuments.sameData(
                json("{\"a\":1000,\"b\":[0.5,true]}"), json("{\"b\":[0.50,true],\"a\":1000.0}")))
        .isTrue();
    assertThat(JsonDocuments.sameData(json("{\"a\":1}"), json("{\"a\":\"1\"}"))).isFalse();
    assertThat(JsonDocuments.sameData(json("{\"a\":1}"), json("{\"a\":1,\"b\":null}"))).isFalse();
  }
}
