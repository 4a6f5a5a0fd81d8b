package dev.scs.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.stores.commandline.ProjectCommandLine;
import dev.scs.stores.commandline.UsageHelpRules;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --help} of every command of the jar ({@code ./scs batch ...} and {@code ./scs replay})
 * follows the project's rules ({@link UsageHelpRules}): it exits 0, fits in 100 columns and breaks
 * no description line.
 */
class BatchLayerHelpTest {
  static Stream<List<String>> commands() {
    return ProjectCommandLine.commandPaths(BatchLayerMain.commandLine()).stream();
  }

  @ParameterizedTest(name = "batch-layer {0} --help")
  @MethodSource("commands")
  void helpFollowsTheProjectsRules(List<String> command) {
    assertThat(UsageHelpRules.violations(BatchLayerMain::commandLine, command)).isEmpty();
  }
}
