package dev.scs.speed.scoring;

import dev.scs.scoring.view.Score;
import java.util.Map;
import java.util.Set;

/**
 * One citizen's state after a micro-batch, written whole (never as an increment) so that writing it
 * twice changes nothing.
 *
 * <p>The score is taken as of {@code scoreAsOf}: the latest of the citizen's ingestion time in this
 * micro-batch and the latest firing in either view. Scores are a function of event time (contract,
 * section 1), and an event may lie up to {@code max_future_skew} after its ingestion; taking the
 * later instant keeps the per-half-life sums exact (section 7) and counts that event.
 *
 * @param ruleState rule_id to firing times still able to block a firing
 * @param clearedRuleIds rule_ids whose stored firing times can no longer block anything
 * @param speedView {@code null} while no event of the citizen fired since the watermark
 * @param speedViewWatermark the watermark the speed view counts from, {@code null} before any run
 * @param ingestedAt the latest ingestion time of the citizen's records in this micro-batch
 */
public record CitizenUpdate(
    String citizenId,
    Map<String, long[]> ruleState,
    Set<String> clearedRuleIds,
    StoredView speedView,
    Long speedViewWatermark,
    long ingestedAt,
    Score score,
    long scoreAsOf) {}
