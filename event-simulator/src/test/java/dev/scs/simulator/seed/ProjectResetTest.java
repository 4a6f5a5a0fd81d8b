package dev.scs.simulator.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scs.stores.setup.SetupStep.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectResetTest {

  @Test
  void aFolderIsRemovedWithEverythingInItAndThenReportedAbsent(@TempDir Path temporary)
      throws Exception {
    Path lake = temporary.resolve("lake");
    Files.createDirectories(lake.resolve("events/day=2026-03-01"));
    Files.writeString(lake.resolve("events/day=2026-03-01/part-0.parquet"), "x");

    assertThat(ProjectReset.removeFolder(lake)).isEqualTo(Outcome.REMOVED);
    assertThat(lake).doesNotExist();
    assertThat(ProjectReset.removeFolder(lake)).isEqualTo(Outcome.ABSENT);
  }

  @Test
  void theRootIsNeverRemoved() {
    assertThatThrownBy(() -> ProjectReset.removeFolder(Path.of("/")))
        .hasMessageContaining("too close to /");
  }
}
