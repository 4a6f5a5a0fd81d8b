package dev.scs.serving.score;

import dev.scs.scoring.engine.Firing;

/**
 * A firing from the speed layer's {@code ledger} and the ingestion time of its event, which tells
 * on which side of a watermark it falls.
 */
public record LedgerRow(Firing firing, long ingestedAt) {}
