package dev.scs.speed.scoring;

import dev.scs.scoring.engine.Firing;
import dev.scs.scoring.event.CodePointOrder;
import dev.scs.scoring.view.ScoreView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Makes one citizen's speed side relative to a newly published batch run (speed-layer/README.md,
 * "Hand-over"). The speed layer is the only writer of speed_view and rule_state; when a micro-batch
 * meets a citizen whose rows count from an earlier watermark, it rebuilds them from what the run
 * and the ledger say, before applying the citizen's new events:
 *
 * <ul>
 *   <li>the speed view: the firings of the ledger whose events were ingested at or after W, the
 *       events the run did not count (contract, section 7);
 *   <li>the cooldown and cap state: the run's state at W (batch_rule_state) plus the firing times
 *       of those same firings. The two sets are disjoint (one side of W each), so they are joined
 *       without removing repeats: two firings at one instant both count toward a cap.
 * </ul>
 */
public final class SpeedSideRebase {
  /** The ledger's order (occurred_at, event_id, rule_id): sums are added in canonical order. */
  private static final Comparator<Firing> CANONICAL =
      Comparator.comparingLong(Firing::occurredAt)
          .thenComparing(Firing::eventId, CodePointOrder.INSTANCE)
          .thenComparing(Firing::ruleId, CodePointOrder.INSTANCE);

  private SpeedSideRebase() {}

  /**
   * @param run the published run the citizen is rebased on
   * @param batchRuleState the run's batch_rule_state rows of the citizen: rule_id to firing times
   * @param ledgerSinceWatermark the citizen's ledger rows with ingested_at at or after W
   * @param stored the citizen's state as stored (its rule_ids are deleted unless rebuilt)
   */
  public static CitizenState rebase(
      PublishedRun run,
      Map<String, long[]> batchRuleState,
      List<Firing> ledgerSinceWatermark,
      CitizenState stored) {
    List<Firing> firings = new ArrayList<>(ledgerSinceWatermark);
    firings.sort(CANONICAL);
    ScoreView speedView = ScoreView.empty(run.watermark());
    Map<String, List<Long>> times = new TreeMap<>();
    batchRuleState.forEach(
        (ruleId, values) ->
            Arrays.stream(values)
                .forEach(time -> times.computeIfAbsent(ruleId, id -> new ArrayList<>()).add(time)));
    for (Firing firing : firings) {
      speedView.add(firing);
      times.computeIfAbsent(firing.ruleId(), id -> new ArrayList<>()).add(firing.occurredAt());
    }
    Map<String, long[]> ruleState = new TreeMap<>();
    times.forEach(
        (ruleId, values) ->
            ruleState.put(ruleId, values.stream().mapToLong(Long::longValue).sorted().toArray()));
    return new CitizenState(
        ruleState,
        StoredView.of(speedView),
        run.watermark(),
        stored.batchView(),
        Set.copyOf(stored.storedRuleIds()));
  }
}
