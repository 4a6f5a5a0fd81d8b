package dev.scs.speed.fakes;

import dev.scs.speed.port.RuleSource;
import dev.scs.speed.scoring.RuleTexts;

/** Rules and config that a test replaces while the job runs. */
public final class InMemoryRuleSource implements RuleSource {
  private volatile RuleTexts texts;

  public InMemoryRuleSource(String rulesJson, String configJson) {
    this.texts = new RuleTexts(rulesJson, configJson);
  }

  public void replaceRules(String rulesJson) {
    texts = new RuleTexts(rulesJson, texts.configJson());
  }

  @Override
  public RuleTexts load() {
    return texts;
  }

  @Override
  public String toString() {
    return "the test's rules";
  }
}
