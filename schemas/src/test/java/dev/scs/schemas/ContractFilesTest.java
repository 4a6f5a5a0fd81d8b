package dev.scs.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import dev.scs.testing.ScoringVectors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Contract tests: the spec's examples and the public vectors validate against the JSON Schemas, a
 * sample of invalid documents does not, and every other contract file is well formed.
 */
class ContractFilesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V202012,
          builder ->
              builder.schemaMappers(
                  mappers ->
                      mappers.mapPrefix(
                          "https://scs.dev/schemas/", "classpath:scs-schemas/json/")));

  private static JsonSchema schema(String name) {
    return FACTORY.getSchema(SchemaLocation.of("https://scs.dev/schemas/" + name));
  }

  private static boolean valid(String schemaName, String json) throws Exception {
    return schema(schemaName).validate(MAPPER.readTree(json)).isEmpty();
  }

  static final String SPEC_RULE =
      "{\"rule_id\":\"payment-late\",\"version\":2,\"event_type\":\"payment.late\","
          + "\"condition\":{\"all\":[{\"field\":\"payload.days_late\",\"op\":\"gte\",\"value\":3}]},"
          + "\"points\":{\"base\":-5,\"field\":\"payload.days_late\",\"factor\":-0.5,\"min\":-60,\"max\":-5},"
          + "\"cooldown\":\"P1D\",\"cap\":{\"max\":3,\"window\":\"P30D\"},\"half_life\":\"P365D\","
          + "\"effective_from\":\"2026-01-01T00:00:00Z\",\"effective_to\":null,\"enabled\":true,"
          + "\"description\":\"Late payments of three days or more\"}";

  static final String SPEC_CONFIG =
      "{\"base_score\":1000,\"min_score\":0,\"max_score\":2000,\"default_half_life\":\"P180D\","
          + "\"max_future_skew\":\"PT5M\",\"tiers\":[{\"name\":\"restricted\",\"min\":0},"
          + "{\"name\":\"watch\",\"min\":850},{\"name\":\"standard\",\"min\":950},"
          + "{\"name\":\"trusted\",\"min\":1050},{\"name\":\"exemplary\",\"min\":1150}]}";

  @Test
  void theSpecExamplesValidate() throws Exception {
    assertThat(valid("rule-set.schema.json", "[" + SPEC_RULE + "]")).isTrue();
    assertThat(valid("config.schema.json", SPEC_CONFIG)).isTrue();
  }

  @Test
  void everyPublicVectorInputValidate() throws Exception {
    for (String name : ScoringVectors.caseNames()) {
      ScoringVectors.Case vector = ScoringVectors.load(name);
      assertThat(valid("rule-set.schema.json", vector.rulesJson())).as(name + " rules").isTrue();
      assertThat(valid("config.schema.json", vector.configJson())).as(name + " config").isTrue();
      for (String citizen : vector.citizenLines()) {
        assertThat(valid("citizen.schema.json", citizen)).as(citizen).isTrue();
      }
    }
  }

  @Test
  void acceptedVectorEventsValidateAndSchemaRejectsDoNot() throws Exception {
    for (String name : ScoringVectors.caseNames()) {
      ScoringVectors.Case vector = ScoringVectors.load(name);
      List<Integer> schemaRejectLines = new ArrayList<>();
      for (String reject : vector.expectedRejectLines()) {
        JsonNode node = MAPPER.readTree(reject);
        String reason = node.get("reason").textValue();
        if (reason.equals("schema_violation") || reason.equals("unknown_type")) {
          schemaRejectLines.add(node.get("line").intValue());
        }
      }
      for (int line = 1; line <= vector.eventLines().size(); line++) {
        String text = vector.eventLines().get(line - 1);
        JsonNode document;
        try {
          document = MAPPER.readTree(text);
        } catch (Exception malformed) {
          continue;
        }
        if (!document.isObject()) {
          continue;
        }
        boolean expectedValid = !schemaRejectLines.contains(line);
        assertThat(schema("event.schema.json").validate(document).isEmpty())
            .as("%s line %d: %s", name, line, text)
            .isEqualTo(expectedValid);
      }
    }
  }

  @Test
  void theBuiltInRuleSetAndConfigValidate() throws Exception {
    assertThat(
            schema("rule-set.schema.json")
                .validate(MAPPER.readTree(ContractFile.DEFAULT_RULE_SET.read())))
        .isEmpty();
    assertThat(
            schema("config.schema.json")
                .validate(MAPPER.readTree(ContractFile.DEFAULT_CONFIG.read())))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"rule_id\":\"r\",\"version\":1,\"event_type\":\"tax.filed\",\"effective_from\":\"2026-01-01T00:00:00Z\"}",
        "{\"rule_id\":\"r\",\"version\":0,\"event_type\":\"tax.filed\",\"points\":1,\"effective_from\":\"2026-01-01T00:00:00Z\"}",
        "{\"rule_id\":\"r\",\"version\":1,\"event_type\":\"tax.paid\",\"points\":1,\"effective_from\":\"2026-01-01T00:00:00Z\"}",
        "{\"rule_id\":\"r\",\"version\":1,\"event_type\":\"tax.filed\",\"points\":\"1\",\"effective_from\":\"2026-01-01T00:00:00Z\"}",
        "{\"rule_id\":\"r\",\"version\":1,\"event_type\":\"tax.filed\",\"points\":1,\"effective_from\":\"yesterday\"}",
        "{\"rule_id\":\"r\",\"version\":1,\"event_type\":\"tax.filed\",\"points\":1,\"cooldown\":\"1 day\",\"effective_from\":\"2026-01-01T00:00:00Z\"}",
        "{\"rule_id\":\"r\",\"version\":1,\"event_type\":\"tax.filed\",\"points\":1,\"condition\":{\"field\":\"x\",\"op\":\"in\",\"value\":1},\"effective_from\":\"2026-01-01T00:00:00Z\"}",
        "{\"rule_id\":\"r\",\"version\":1,\"event_type\":\"tax.filed\",\"points\":1,\"condition\":{\"all\":[],\"any\":[]},\"effective_from\":\"2026-01-01T00:00:00Z\"}",
        "{\"rule_id\":\"r\",\"version\":1,\"event_type\":\"tax.filed\",\"points\":1,\"condition\":{\"field\":\"x\",\"op\":\"exists\",\"value\":\"yes\"},\"effective_from\":\"2026-01-01T00:00:00Z\"}",
        "{\"rule_id\":\"r\",\"version\":1,\"event_type\":\"tax.filed\",\"points\":{\"base\":1,\"factor\":2},\"effective_from\":\"2026-01-01T00:00:00Z\"}",
        "{\"rule_id\":\"r\",\"version\":1,\"event_type\":\"tax.filed\",\"points\":1,\"cap\":{\"max\":-1,\"window\":\"P1D\"},\"effective_from\":\"2026-01-01T00:00:00Z\"}",
      })
  void invalidRulesDoNotValidate(String rule) throws Exception {
    assertThat(valid("rule-set.schema.json", "[" + rule + "]")).isFalse();
  }

  @Test
  void invalidConfigsDoNotValidate() throws Exception {
    assertThat(valid("config.schema.json", SPEC_CONFIG.replace("\"tiers\":[", "\"tiers\":[1,")))
        .isFalse();
    assertThat(valid("config.schema.json", SPEC_CONFIG.replace("\"base_score\":1000,", "")))
        .isFalse();
    assertThat(valid("config.schema.json", SPEC_CONFIG.replace("\"P180D\"", "180"))).isFalse();
  }

  @ParameterizedTest
  @EnumSource(ContractFile.class)
  void everyContractFileIsOnTheClasspath(ContractFile file) {
    assertThat(file.read()).isNotBlank();
  }

  @ParameterizedTest
  @EnumSource(
      value = ContractFile.class,
      names = {
        "EVENT_SCHEMA",
        "RULE_SET_SCHEMA",
        "CONFIG_SCHEMA",
        "CITIZEN_SCHEMA",
        "MONGODB_COLLECTIONS",
        "INFLUXDB_LAYOUT",
        "DEFAULT_CONFIG"
      })
  void jsonContractFilesAreWellFormed(ContractFile file) throws Exception {
    assertThat(MAPPER.readTree(file.read()).isObject()).isTrue();
  }

  @Test
  void theCqlScriptCreatesTheKeyspaceAndEveryTableIdempotently() {
    String cql = ContractFile.CQL_KEYSPACE.read();
    List<String> statements = CqlScript.statements(cql);

    assertThat(statements).isNotEmpty();
    assertThat(statements).allMatch(statement -> statement.contains("IF NOT EXISTS"));
    assertThat(statements.get(0)).startsWith("CREATE KEYSPACE");
    assertThat(String.join("\n", statements))
        .contains(
            "scs.events_archive",
            "scs.ledger",
            "scs.batch_view",
            "scs.speed_view",
            "scs.rule_state");
  }

  @Test
  void theDgraphSchemaIndexesCitizenIdsForUpserts() {
    assertThat(ContractFile.DGRAPH_SCHEMA.read())
        .contains("citizen_id: string @index(exact) @upsert .");
  }
}
