package dev.scs.simulator.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.stores.mongodb.CitizenWrite;
import dev.scs.stores.mongodb.ConfigChange;
import dev.scs.stores.mongodb.RuleImport;
import dev.scs.stores.setup.SetupStep;
import dev.scs.stores.setup.SetupStep.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedReportTest {
  private static final List<SetupStep> SCHEMA_PRESENT =
      List.of(SetupStep.of("dgraph", "schema (9 predicates, type Citizen)", Outcome.UNCHANGED));

  private static SeedReport withGraph(GraphWrite graph) {
    return new SeedReport(
        SCHEMA_PRESENT,
        new CitizenWrite(0, 0, 10_000),
        new RuleImport(List.of(), List.of("payment-late@1")),
        ConfigChange.UNCHANGED,
        false,
        graph);
  }

  @Test
  void theGraphLineSaysWhatDgraphHoldsAndWhatIsNew() {
    SeedReport report = withGraph(new GraphWrite(10_000, 24_873, 10_000, 24_873));

    assertThat(report.lines())
        .contains(
            "dgraph: 1 already present",
            "dgraph: graph: 10,000 citizen nodes (10,000 new), 24,873 ties (24,873 new)")
        .endsWith("seed: done");
  }

  @Test
  void aTiePutBackIsAChangeAndAGraphFoundAsItWasIsNot() {
    assertThat(withGraph(new GraphWrite(10_000, 24_873, 0, 1)).changedAnything()).isTrue();
    assertThat(withGraph(new GraphWrite(10_000, 24_873, 0, 0)).lines())
        .endsWith("seed: done, nothing changed");
  }
}
