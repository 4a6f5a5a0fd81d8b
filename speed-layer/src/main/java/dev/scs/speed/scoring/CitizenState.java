package dev.scs.speed.scoring;

import java.util.Map;

/**
 * What the speed layer knows about one citizen before a micro-batch: the cooldown and cap state
 * (rule_id to firing times, as {@code RuleState.snapshot()} gives it), the speed view and the
 * published batch view. Either view is {@code null} when the citizen has none yet.
 *
 * @param speedViewWatermark the watermark the speed view counts from, or {@code null} when the view
 *     started before any batch run was published
 */
public record CitizenState(
    Map<String, long[]> ruleState,
    StoredView speedView,
    Long speedViewWatermark,
    StoredView batchView) {

  public static final CitizenState NONE = new CitizenState(Map.of(), null, null, null);
}
