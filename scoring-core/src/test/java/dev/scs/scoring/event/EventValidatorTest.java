package dev.scs.scoring.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.scoring.time.Instants;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Contract section 2: events, the catalog, and the rejection reasons. */
class EventValidatorTest {
  private static final long NOW = Instants.parseOrThrow("2026-05-01T00:00:00Z", "now");
  private static final long FIVE_MINUTES = 300_000;
  private final EventValidator validator =
      new EventValidator(FIVE_MINUTES, CitizenRegistry.of(Set.of("c-1", "c-2")));

  static String event(String type, String payload) {
    return "{\"event_id\":\"e-1\",\"citizen_id\":\"c-1\",\"type\":\""
        + type
        + "\",\"occurred_at\":\"2026-04-30T10:00:00Z\",\"source\":\"test\",\"schema_version\":1,"
        + "\"payload\":"
        + payload
        + "}";
  }

  private RejectionReason reasonFor(String line) {
    EventVerdict verdict = validator.validate(line, NOW);
    return verdict instanceof EventVerdict.Rejected rejected ? rejected.reason() : null;
  }

  @Test
  void acceptsAWellFormedEventAndKeepsItsFields() {
    EventVerdict verdict =
        validator.validate(
            event(
                "payment.late",
                "{\"amount\":12.50,\"currency\":\"EUR\",\"days_late\":3,\"note\":\"extra\"}"),
            NOW);

    assertThat(verdict).isInstanceOf(EventVerdict.Accepted.class);
    Event event = ((EventVerdict.Accepted) verdict).event();
    assertThat(event.eventId()).isEqualTo("e-1");
    assertThat(event.citizenId()).isEqualTo("c-1");
    assertThat(event.type()).isEqualTo(EventType.PAYMENT_LATE);
    assertThat(event.occurredAt()).isEqualTo(Instants.parseOrThrow("2026-04-30T10:00:00Z", "t"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "[1,2,3]",
        "\"text\"",
        "42",
        "null",
        "{\"a\":1",
        "{} {}",
        "{\"a\":NaN}"
      })
  void bytesThatAreNotOneJsonObjectAreMalformed(String line) {
    assertThat(reasonFor(line)).isEqualTo(RejectionReason.MALFORMED_JSON);
  }

  @Test
  void invalidUtf8IsMalformed() {
    byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    assertThat(validator.validate(bytes, NOW))
        .isInstanceOfSatisfying(
            EventVerdict.Rejected.class,
            r -> assertThat(r.reason()).isEqualTo(RejectionReason.MALFORMED_JSON));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "payment.on_time | {\"amount\":\"100\",\"currency\":\"EUR\"}",
        "payment.on_time | {\"amount\":-1,\"currency\":\"EUR\"}",
        "payment.on_time | {\"amount\":1,\"currency\":\"eur\"}",
        "payment.on_time | {\"amount\":true,\"currency\":\"EUR\"}",
        "payment.late | {\"amount\":1,\"currency\":\"EUR\",\"days_late\":0}",
        "payment.late | {\"amount\":1,\"currency\":\"EUR\",\"days_late\":3.0}",
        "payment.late | {\"amount\":1,\"currency\":\"EUR\"}",
        "traffic.violation | {\"severity\":\"mild\"}",
        "traffic.violation | {\"severity\":\"minor\",\"speed_over_kmh\":-1}",
        "traffic.violation | {\"severity\":\"minor\",\"speed_over_kmh\":null}",
        "volunteer.shift | {\"hours\":25,\"organization\":\"x\"}",
        "volunteer.shift | {\"hours\":0,\"organization\":\"x\"}",
        "donation.made | {\"amount\":0,\"currency\":\"EUR\",\"charity\":\"x\"}",
        "tax.filed | {\"on_time\":\"yes\"}",
        "public.disturbance | {\"severity\":\"critical\"}",
        "education.course_completed | {\"course\":\"x\",\"credits\":61}",
        "social.tie_added | {\"other_citizen_id\":\"C-2\",\"relation\":\"friend\"}",
        "social.tie_removed | {\"other_citizen_id\":\"c-2\",\"relation\":\"enemy\"}",
        "tax.filed | []",
      })
  void payloadFieldsMissingOfTheWrongTypeOrOutOfRangeAreSchemaViolations(
      String type, String payload) {
    assertThat(reasonFor(event(type, payload))).isEqualTo(RejectionReason.SCHEMA_VIOLATION);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"event_id\":\"bad id\",\"citizen_id\":\"c-1\",\"type\":\"tax.filed\",\"occurred_at\":\"2026-04-30T10:00:00Z\",\"source\":\"s\",\"schema_version\":1,\"payload\":{\"on_time\":true}}",
        "{\"event_id\":\"e\",\"citizen_id\":\"C-1\",\"type\":\"tax.filed\",\"occurred_at\":\"2026-04-30T10:00:00Z\",\"source\":\"s\",\"schema_version\":1,\"payload\":{\"on_time\":true}}",
        "{\"event_id\":\"e\",\"citizen_id\":\"c-1\",\"type\":\"tax.filed\",\"occurred_at\":\"2026-04-30\",\"source\":\"s\",\"schema_version\":1,\"payload\":{\"on_time\":true}}",
        "{\"event_id\":\"e\",\"citizen_id\":\"c-1\",\"type\":\"tax.filed\",\"occurred_at\":\"2026-04-30T10:00:00Z\",\"schema_version\":1,\"payload\":{\"on_time\":true}}",
        "{\"event_id\":\"e\",\"citizen_id\":\"c-1\",\"type\":\"tax.filed\",\"occurred_at\":\"2026-04-30T10:00:00Z\",\"source\":\"\",\"schema_version\":1,\"payload\":{\"on_time\":true}}",
        "{\"event_id\":\"e\",\"citizen_id\":\"c-1\",\"type\":\"tax.filed\",\"occurred_at\":\"2026-04-30T10:00:00Z\",\"source\":\"s\",\"schema_version\":2,\"payload\":{\"on_time\":true}}",
        "{\"event_id\":\"e\",\"citizen_id\":\"c-1\",\"type\":\"tax.filed\",\"occurred_at\":\"2026-04-30T10:00:00Z\",\"source\":\"s\",\"schema_version\":\"1\",\"payload\":{\"on_time\":true}}",
        "{\"event_id\":\"e\",\"citizen_id\":\"c-1\",\"type\":\"tax.filed\",\"occurred_at\":\"2026-04-30T10:00:00Z\",\"source\":\"s\",\"schema_version\":1}",
        "{\"event_id\":\"e\",\"citizen_id\":\"c-1\",\"type\":7,\"occurred_at\":\"2026-04-30T10:00:00Z\",\"source\":\"s\",\"schema_version\":1,\"payload\":{}}",
      })
  void envelopeFieldsMissingOrOutOfRangeAreSchemaViolations(String line) {
    assertThat(reasonFor(line)).isEqualTo(RejectionReason.SCHEMA_VIOLATION);
  }

  @Test
  void aTypeOutsideTheCatalogIsUnknown() {
    assertThat(reasonFor(event("gambling.loss", "{\"amount\":1}")))
        .isEqualTo(RejectionReason.UNKNOWN_TYPE);
  }

  @Test
  void anEventLaterThanIngestionPlusTheSkewIsFutureButOneAtTheLimitIsAccepted() {
    String atLimit =
        event("tax.filed", "{\"on_time\":true}")
            .replace("2026-04-30T10:00:00Z", "2026-05-01T00:05:00Z");
    String beyond =
        event("tax.filed", "{\"on_time\":true}")
            .replace("2026-04-30T10:00:00Z", "2026-05-01T00:05:00.001Z");

    assertThat(reasonFor(atLimit)).isNull();
    assertThat(reasonFor(beyond)).isEqualTo(RejectionReason.FUTURE_EVENT);
  }

  @Test
  void anUnregisteredCitizenOrOtherCitizenIsUnknown() {
    assertThat(reasonFor(event("tax.filed", "{\"on_time\":true}").replace("\"c-1\"", "\"c-9\"")))
        .isEqualTo(RejectionReason.UNKNOWN_CITIZEN);
    assertThat(
            reasonFor(
                event(
                    "social.tie_added", "{\"other_citizen_id\":\"c-9\",\"relation\":\"friend\"}")))
        .isEqualTo(RejectionReason.UNKNOWN_CITIZEN);
    assertThat(
            reasonFor(
                event(
                    "social.tie_added", "{\"other_citizen_id\":\"c-2\",\"relation\":\"friend\"}")))
        .isNull();
  }

  @Test
  void withoutACitizenRegistryEveryCitizenIsAccepted() {
    EventValidator anyone = new EventValidator(FIVE_MINUTES, CitizenRegistry.ANYONE);
    assertThat(
            anyone
                .validate(
                    event("tax.filed", "{\"on_time\":true}").replace("\"c-1\"", "\"c-9\""), NOW)
                .isAccepted())
        .isTrue();
  }

  @Test
  void rejectionsSayWhichFieldIsWrong() {
    EventVerdict verdict =
        validator.validate(
            event("payment.late", "{\"amount\":1,\"currency\":\"EUR\",\"days_late\":0}"), NOW);
    assertThat(verdict)
        .isInstanceOfSatisfying(
            EventVerdict.Rejected.class,
            rejected -> {
              assertThat(rejected.detail()).contains("payload.days_late");
              assertThat(rejected.eventId()).isEqualTo("e-1");
            });
  }

  @Property(tries = 2000)
  void arbitraryBytesNeverThrowPastTheBoundary(@ForAll byte[] bytes) {
    assertThat(validator.validate(bytes, NOW)).isNotNull();
  }

  @Property(tries = 2000)
  void arbitraryTextNeverThrowsPastTheBoundary(@ForAll String text) {
    assertThat(validator.validate(text, NOW)).isNotNull();
  }
}
