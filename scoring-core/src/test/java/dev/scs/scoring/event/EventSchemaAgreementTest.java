package dev.scs.scoring.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scs.schemas.ContractFile;
import dev.scs.scoring.json.ContractSchema;
import dev.scs.scoring.json.Json;
import dev.scs.testing.ScoringVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code schemas/json/event.schema.json} and {@link EventValidator} decide alike: an event the
 * schema accepts is not a schema violation or of an unknown type, and the other way round. The
 * validator is hand-written because it runs once per event; this test keeps the two in step.
 */
class EventSchemaAgreementTest {
  private static final ContractSchema SCHEMA = ContractSchema.of(ContractFile.EVENT_SCHEMA);
  private static final long FAR_FUTURE = Long.MAX_VALUE / 4;

  static Stream<String> samples() {
    List<String> samples = new ArrayList<>();
    for (String name : ScoringVectors.caseNames()) {
      samples.addAll(ScoringVectors.load(name).eventLines());
    }
    String base =
        "{\"event_id\":\"e-1\",\"citizen_id\":\"c-1\",\"type\":\"TYPE\",\"occurred_at\":\"2026-04-30T10:00:00Z\","
            + "\"source\":\"s\",\"schema_version\":1,\"payload\":PAYLOAD}";
    String[][] typeAndPayload = {
      {"payment.late", "{\"amount\":1,\"currency\":\"EUR\",\"days_late\":3}"},
      {"traffic.violation", "{\"severity\":\"minor\",\"speed_over_kmh\":null}"},
      {"traffic.violation", "{\"severity\":\"critical\",\"speed_over_kmh\":12}"},
      {"donation.made", "{\"amount\":0,\"currency\":\"EUR\",\"charity\":\"x\"}"},
      {"volunteer.shift", "{\"hours\":24,\"organization\":\"x\"}"},
      {"education.course_completed", "{\"course\":\"x\",\"credits\":60}"},
      {"social.tie_removed", "{\"other_citizen_id\":\"c-2\",\"relation\":\"neighbor\"}"},
      {"unknown.type", "{}"},
    };
    for (String[] pair : typeAndPayload) {
      samples.add(base.replace("TYPE", pair[0]).replace("PAYLOAD", pair[1]));
    }
    return samples.stream();
  }

  /**
   * The one known difference: JSON Schema counts {@code 3.0} as an integer (it compares values),
   * while the contract's integers are numbers written without a fraction or exponent, as a JSON
   * parser reads them. The validator is the stricter of the two.
   */
  @Test
  void numbersWrittenWithAFractionAreIntegersToTheSchemaButNotToTheContract() throws Exception {
    String line =
        "{\"event_id\":\"e-1\",\"citizen_id\":\"c-1\",\"type\":\"payment.late\","
            + "\"occurred_at\":\"2026-04-30T10:00:00Z\",\"source\":\"s\",\"schema_version\":1.0,"
            + "\"payload\":{\"amount\":1,\"currency\":\"EUR\",\"days_late\":3.0}}";

    assertThat(SCHEMA.validate(Json.mapper().readTree(line))).isEmpty();
    assertThat(new EventValidator(0, CitizenRegistry.ANYONE).validate(line, FAR_FUTURE))
        .isInstanceOfSatisfying(
            EventVerdict.Rejected.class,
            rejected -> assertThat(rejected.reason()).isEqualTo(RejectionReason.SCHEMA_VIOLATION));
  }

  @ParameterizedTest
  @MethodSource("samples")
  void theSchemaAndTheValidatorAgree(String line) throws Exception {
    EventVerdict verdict = new EventValidator(0, CitizenRegistry.ANYONE).validate(line, FAR_FUTURE);
    if (verdict instanceof EventVerdict.Rejected rejected
        && rejected.reason() == RejectionReason.MALFORMED_JSON) {
      return; // not a JSON object: nothing for a schema to say
    }
    JsonNode document = Json.mapper().readTree(line);
    boolean schemaAccepts = SCHEMA.validate(document).isEmpty();
    boolean validatorAccepts =
        !(verdict instanceof EventVerdict.Rejected rejected
            && (rejected.reason() == RejectionReason.SCHEMA_VIOLATION
                || rejected.reason() == RejectionReason.UNKNOWN_TYPE));

    assertThat(schemaAccepts).as("schema accepts %s", line).isEqualTo(validatorAccepts);
  }
}
