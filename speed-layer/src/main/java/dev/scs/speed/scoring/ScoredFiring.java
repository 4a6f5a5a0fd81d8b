package dev.scs.speed.scoring;

import dev.scs.scoring.engine.Firing;
import java.math.BigDecimal;

/**
 * A ledger entry, the ingestion time of its event (which side of a batch watermark it falls on),
 * and the citizen's raw and displayed score once its event was applied, as of {@code scoreAsOf}:
 * the event's time, or the latest firing of the citizen when that is later (see {@link
 * CitizenUpdate}).
 */
public record ScoredFiring(
    Firing firing, long ingestedAt, double raw, BigDecimal score, long scoreAsOf) {}
