package dev.scs.stores.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.stores.setup.SetupStep.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class SetupSummaryTest {

  @Test
  void stepsAreCountedPerStoreAndEverySkippedOneIsShownWithItsReason() {
    List<SetupStep> steps =
        List.of(
            SetupStep.of("kafka", "topic a", Outcome.CREATED),
            SetupStep.of("kafka", "topic b", Outcome.UNCHANGED),
            SetupStep.of("mongodb", "collection rules", Outcome.CREATED),
            new SetupStep("mongodb", "validator of rules", Outcome.SKIPPED, "refused"),
            SetupStep.of("kafka", "topic c", Outcome.CREATED));

    assertThat(SetupSummary.lines(steps))
        .containsExactly(
            "kafka: 2 created, 1 already present",
            "mongodb: 1 created, 1 skipped",
            "mongodb: validator of rules: skipped (refused)");
  }
}
