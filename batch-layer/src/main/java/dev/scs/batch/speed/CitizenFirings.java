package dev.scs.batch.speed;

import dev.scs.batch.recompute.LedgerEntry;
import dev.scs.scoring.engine.Firing;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** One citizen's speed-side firings, in canonical order, as a Spark row. */
public class CitizenFirings implements Serializable {
  private static final long serialVersionUID = 1L;

  private String citizenId;
  private List<LedgerEntry> ledger;

  public CitizenFirings() {}

  public CitizenFirings(String citizenId, List<LedgerEntry> ledger) {
    this.citizenId = citizenId;
    this.ledger = ledger;
  }

  public List<Firing> firings() {
    List<Firing> firings = new ArrayList<>(ledger.size());
    for (LedgerEntry entry : ledger) {
      firings.add(entry.toFiring());
    }
    return firings;
  }

  public String getCitizenId() {
    return citizenId;
  }

  public void setCitizenId(String citizenId) {
    this.citizenId = citizenId;
  }

  public List<LedgerEntry> getLedger() {
    return ledger;
  }

  public void setLedger(List<LedgerEntry> ledger) {
    this.ledger = ledger;
  }
}
