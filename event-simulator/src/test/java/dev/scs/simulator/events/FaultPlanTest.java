package dev.scs.simulator.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FaultPlanTest {

  @Test
  void kindsAndFractionsAreReadFromTheOption() {
    FaultPlan plan = FaultPlan.parse("late=0.01, duplicate=0.02,unknown_citizen=0.5");

    assertThat(plan.fraction(Fault.LATE)).isEqualTo(0.01);
    assertThat(plan.fraction(Fault.DUPLICATE)).isEqualTo(0.02);
    assertThat(plan.fraction(Fault.UNKNOWN_CITIZEN)).isEqualTo(0.5);
    assertThat(plan.fraction(Fault.FUTURE)).isZero();
    assertThat(plan).hasToString("late=0.01,duplicate=0.02,unknown_citizen=0.5");
  }

  @Test
  void noOptionMeansNoFaults() {
    assertThat(FaultPlan.parse(null).isEmpty()).isTrue();
    assertThat(FaultPlan.parse(" ").isEmpty()).isTrue();
    assertThat(FaultPlan.NONE).hasToString("none");
  }

  @Test
  void anUnknownKindIsRefusedListingTheKnownOnes() {
    assertThatThrownBy(() -> FaultPlan.parse("slow=0.1"))
        .hasMessage(
            "unknown fault kind 'slow'; the kinds are [late, duplicate, malformed,"
                + " schema_violation, unknown_citizen, future]");
  }

  @Test
  void fractionsMustBeNumbersBetweenZeroAndOneAddingUpToAtMostOne() {
    assertThatThrownBy(() -> FaultPlan.parse("late=lots")).hasMessageContaining("'lots'");
    assertThatThrownBy(() -> FaultPlan.parse("late=1.5"))
        .hasMessageContaining("must lie between 0 and 1");
    assertThatThrownBy(() -> FaultPlan.parse("late=0.6,future=0.6"))
        .hasMessageContaining("at most one fault");
    assertThatThrownBy(() -> FaultPlan.parse("late")).hasMessageContaining("KIND=FRACTION");
    assertThatThrownBy(() -> FaultPlan.parse("late=0.1,late=0.2"))
        .hasMessage("late is given twice");
  }
}
