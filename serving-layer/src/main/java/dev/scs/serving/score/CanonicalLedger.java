package dev.scs.serving.score;

import dev.scs.scoring.engine.Firing;
import dev.scs.scoring.event.CodePointOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The batch and speed firings of one citizen merged in canonical order (contract, section 4). */
public final class CanonicalLedger {
  /** Event time, then event id and rule id by code point: the ledger tables' clustering order. */
  public static final Comparator<Firing> ORDER =
      Comparator.comparingLong(Firing::occurredAt)
          .thenComparing(Firing::eventId, CodePointOrder.INSTANCE)
          .thenComparing(Firing::ruleId, CodePointOrder.INSTANCE);

  private CanonicalLedger() {}

  public static List<Firing> merge(List<Firing> batch, List<Firing> speed) {
    List<Firing> all = new ArrayList<>(batch.size() + speed.size());
    all.addAll(batch);
    all.addAll(speed);
    all.sort(ORDER);
    return all;
  }

  /** The speed side of a watermark: firings of events ingested at or after it (all without one). */
  public static List<Firing> speedSide(List<LedgerRow> rows, Long watermark) {
    List<Firing> firings = new ArrayList<>(rows.size());
    for (LedgerRow row : rows) {
      if (watermark == null || row.ingestedAt() >= watermark) {
        firings.add(row.firing());
      }
    }
    firings.sort(ORDER);
    return firings;
  }
}
