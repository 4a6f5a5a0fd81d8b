package dev.scs.batch.cli;

import dev.scs.batch.recompute.ScoringInputs;
import dev.scs.scoring.config.InvalidConfigException;
import dev.scs.scoring.rules.InvalidRuleSetException;
import dev.scs.scoring.rules.RuleSetParser;
import dev.scs.stores.commandline.BadInputException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How the commands that score from files ({@code replay}, {@code what-if}) take their inputs: the
 * {@code --rules} option (a picocli mixin) and the config they are scored with. Each refusal is a
 * {@link BadInputException}: one line naming the option and the file (and the rule and field, or
 * the config field, at fault), exit code 2, before any work starts.
 *
 * <p>The config and the instant stay options of each command, because they mean different things
 * there: {@code replay --as-of} is the instant every event is ingested and scored at, and a config
 * file is required; {@code what-if --watermark} cuts the archive and defaults to the published run,
 * and the config is the one in MongoDB. Both read them through {@link OptionValues}.
 */
public final class ScoringInputsOptions {
  @Option(
      names = "--rules",
      required = true,
      paramLabel = "RULES.json",
      description =
          "The rule set: a JSON array of rule versions, refused whole when one version is invalid.")
  Path rules;

  public Path rulesFile() {
    return rules;
  }

  /**
   * The rule set's JSON text, checked on its own before any store is opened: an invalid version
   * refuses the whole set, naming the rule and the field.
   */
  public String rulesJson() {
    String json = OptionValues.read(rules, "--rules");
    try {
      RuleSetParser.parse(json);
    } catch (InvalidRuleSetException e) {
      throw refusal("--rules", rules, e);
    }
    return json;
  }

  /** The rule set with the config in {@code configFile}, both checked: the inputs of a replay. */
  public ScoringInputs withConfigFile(Path configFile, String option) {
    String rulesJson = rulesJson();
    String configJson = OptionValues.read(configFile, option);
    try {
      return ScoringInputs.parse(rulesJson, configJson);
    } catch (InvalidRuleSetException e) {
      throw refusal("--rules", rules, e);
    } catch (InvalidConfigException e) {
      throw refusal(option, configFile, e);
    }
  }

  private static BadInputException refusal(String option, Path file, Exception invalid) {
    return new BadInputException(option + " " + file + ": " + invalid.getMessage(), invalid);
  }
}
