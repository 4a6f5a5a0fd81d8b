package dev.scs.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.endtoend.EventAccounting.Coordinates;
import dev.scs.endtoend.EventAccounting.Result;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventAccountingTest {
  private static final Coordinates FIRST = new Coordinates(0, 0);
  private static final Coordinates SECOND = new Coordinates(0, 1);
  private static final Coordinates THIRD = new Coordinates(1, 0);

  @Test
  void aRecordInTheArchiveIsAccepted() {
    Result result = EventAccounting.account(List.of(FIRST), Set.of(FIRST), Map.of());

    assertThat(result.accepted()).isEqualTo(1);
    assertThat(result.unaccounted()).isEmpty();
  }

  @Test
  void aDeadLetterCountsUnderItsReason() {
    Result result =
        EventAccounting.account(
            List.of(FIRST, SECOND, THIRD),
            Set.of(FIRST),
            Map.of(SECOND, "duplicate", THIRD, "malformed_json"));

    assertThat(result.rejectedByReason())
        .containsExactlyInAnyOrderEntriesOf(Map.of("duplicate", 1L, "malformed_json", 1L));
    assertThat(result.accepted()).isEqualTo(1);
  }

  @Test
  void aRecordInNeitherPlaceIsUnaccounted() {
    Result result = EventAccounting.account(List.of(FIRST, SECOND), Set.of(FIRST), Map.of());

    assertThat(result.unaccounted()).containsExactly(SECOND);
  }

  @Test
  void aDeadLetterWithoutAReasonDoesNotAccountForItsRecord() {
    Result result = EventAccounting.account(List.of(FIRST), Set.of(), Map.of(FIRST, " "));

    assertThat(result.unaccounted()).containsExactly(FIRST);
  }

  @Test
  void aRecordBothArchivedAndRejectedIsReported() {
    Result result =
        EventAccounting.account(List.of(FIRST), Set.of(FIRST), Map.of(FIRST, "duplicate"));

    assertThat(result.inBoth()).containsExactly(FIRST);
    assertThat(result.accepted()).isZero();
  }

  @Test
  void anArchiveRowThatNoProducedRecordExplainsIsReported() {
    Result result = EventAccounting.account(List.of(FIRST), Set.of(FIRST, THIRD), Map.of());

    assertThat(result.unknownArchived()).containsExactly(THIRD);
  }
}
