package dev.scs.scoring.view;

import dev.scs.scoring.engine.Firing;

/** raw(T) straight from a citizen's ledger, the path for any T (contract, sections 5 and 7). */
public final class LedgerScore {
  private LedgerScore() {}

  /** The sum of every contribution at {@code asOf}, in the ledger's (canonical) order. */
  public static double rawAt(Iterable<Firing> ledger, long asOf) {
    double raw = 0.0;
    for (Firing firing : ledger) {
      raw += firing.contributionAt(asOf);
    }
    return raw;
  }

  /** How many firings happened at or before {@code asOf}. */
  public static long firingsAt(Iterable<Firing> ledger, long asOf) {
    long count = 0;
    for (Firing firing : ledger) {
      if (firing.occurredAt() <= asOf) {
        count++;
      }
    }
    return count;
  }
}
