package dev.scs.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.stores.commandline.ProjectCommandLine;
import dev.scs.stores.commandline.UsageHelpRules;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --help} of every command of the jar ({@code ./scs serve} runs its {@code serve}) follows
 * the project's rules ({@link UsageHelpRules}): it exits 0, fits in 100 columns and breaks no
 * description line.
 */
class ServingLayerHelpTest {
  static Stream<List<String>> commands() {
    return ProjectCommandLine.commandPaths(ServingLayerMain.commandLine()).stream();
  }

  @ParameterizedTest(name = "serving-layer {0} --help")
  @MethodSource("commands")
  void helpFollowsTheProjectsRules(List<String> command) {
    assertThat(UsageHelpRules.violations(ServingLayerMain::commandLine, command)).isEmpty();
  }
}
