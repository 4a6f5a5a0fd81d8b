package dev.scs.stores.commandline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

class UsageHelpRulesTest {
  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      header = "Publish one run.",
      description = {
        "A first description line, long enough that picocli's 80 columns would break it in two.",
        "A second one."
      })
  static final class Run implements Runnable {
    @Override
    public void run() {}
  }

  @Command(
      name = "half",
      mixinStandardHelpOptions = true,
      description = {"Waits until the speed layer has archived every event ingested before", "W."})
  static final class HalfASentence implements Runnable {
    @Override
    public void run() {}
  }

  @Command(name = "bare", description = "Has no --help option.")
  static final class NoHelpOption implements Runnable {
    @Override
    public void run() {}
  }

  @Command(
      name = "tool",
      mixinStandardHelpOptions = true,
      description = "A tool.",
      subcommands = {Run.class, HalfASentence.class, NoHelpOption.class})
  static final class Tool implements Runnable {
    @Override
    public void run() {}
  }

  private static List<String> violations(String... path) {
    return UsageHelpRules.violations(() -> ProjectCommandLine.of(new Tool()), List.of(path));
  }

  @Test
  void aCommandThatKeepsTheRulesBreaksNone() {
    assertThat(violations()).isEmpty();
    assertThat(violations("run")).isEmpty();
  }

  @Test
  void aDescriptionLineBrokenByTheDefaultWidthIsReported() {
    List<String> violations =
        UsageHelpRules.violations(
            () -> new picocli.CommandLine(new Tool()), List.of("run")); // 80 columns

    assertThat(violations)
        .containsExactly(
            "breaks the description line: A first description line, long enough that picocli's 80"
                + " columns would break it in two.");
  }

  @Test
  void aSubcommandSummedUpByHalfASentenceIsReported() {
    assertThat(violations("half"))
        .containsExactly(
            "is summed up by half a sentence in the list of commands: Waits until the speed layer"
                + " has archived every event ingested before");
  }

  @Test
  void aCommandWithoutAHelpOptionIsReported() {
    assertThat(violations("bare"))
        .singleElement()
        .asString()
        .startsWith("exits 2 with 'error: Unknown option: '--help'");
  }
}
