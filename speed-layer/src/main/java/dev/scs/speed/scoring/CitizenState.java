package dev.scs.speed.scoring;

import java.util.Map;
import java.util.Set;

/**
 * What the speed layer knows about one citizen before a micro-batch: the cooldown and cap state
 * (rule_id to firing times, as {@code RuleState.snapshot()} gives it), the speed view and the
 * published batch view. Either view is {@code null} when the citizen has none yet.
 *
 * @param speedViewWatermark the watermark the speed view and rule state count from, or {@code null}
 *     when they started before any batch run was published
 * @param storedRuleIds the rule_ids of the citizen's rule_state rows as stored: those missing from
 *     the state after the micro-batch are deleted. Equal to the state's keys, except after a rebase
 *     ({@link SpeedSideRebase}), which may drop rule_ids the stored rows still have.
 */
public record CitizenState(
    Map<String, long[]> ruleState,
    StoredView speedView,
    Long speedViewWatermark,
    StoredView batchView,
    Set<String> storedRuleIds) {

  public static final CitizenState NONE = new CitizenState(Map.of(), null, null, null);

  public CitizenState {
    storedRuleIds = Set.copyOf(storedRuleIds);
  }

  /** State as stored, not rebased: the stored rule_ids are the state's. */
  public CitizenState(
      Map<String, long[]> ruleState,
      StoredView speedView,
      Long speedViewWatermark,
      StoredView batchView) {
    this(ruleState, speedView, speedViewWatermark, batchView, ruleState.keySet());
  }

  /**
   * Whether the speed view and rule state are relative to the published run (or, with none
   * published, were never rebased): otherwise they must be rebased before use.
   */
  public boolean isRelativeTo(PublishedRun publishedRun) {
    if (publishedRun == null) {
      return speedViewWatermark == null;
    }
    return speedViewWatermark != null && speedViewWatermark == publishedRun.watermark();
  }
}
