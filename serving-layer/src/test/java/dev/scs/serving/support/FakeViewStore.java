package dev.scs.serving.support;

import dev.scs.scoring.engine.Firing;
import dev.scs.scoring.view.ScoreView;
import dev.scs.serving.score.LedgerRow;
import dev.scs.serving.score.PublishedRun;
import dev.scs.serving.score.StoredView;
import dev.scs.serving.score.ViewStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keyspace's views in memory, filled the way the batch and speed layers fill the real tables:
 * {@link #publishBatch} writes a run's batch view and ledger, {@link #streamed} a speed-layer
 * firing (ledger row and speed view).
 */
public final class FakeViewStore implements ViewStore {
  private PublishedRun published;
  private final Map<String, StoredView> batchViews = new HashMap<>();
  private final Map<String, List<Firing>> batchLedgers = new HashMap<>();
  private final Map<String, StoredView> speedViews = new HashMap<>();
  private final Map<String, List<LedgerRow>> speedLedgers = new HashMap<>();
  public int speedLedgerReads;
  public int batchViewReads;
  public int speedViewReads;
  public int batchLedgerReads;

  /** Publishes a run whose batch view holds these firings of one citizen, at the watermark. */
  public FakeViewStore publishBatch(String runId, long watermark, List<Firing> firings) {
    published = new PublishedRun(runId, watermark, watermark);
    Map<String, List<Firing>> byCitizen = new HashMap<>();
    firings.forEach(f -> byCitizen.computeIfAbsent(f.citizenId(), id -> new ArrayList<>()).add(f));
    byCitizen.forEach(
        (citizen, list) -> {
          ScoreView view = ScoreView.empty(watermark);
          list.forEach(view::add);
          batchViews.put(runId + "/" + citizen, stored(null, view));
          batchLedgers.put(runId + "/" + citizen, List.copyOf(list));
        });
    return this;
  }

  /** A speed-layer firing of an event ingested at {@code ingestedAt}, counted from {@code from}. */
  public FakeViewStore streamed(Firing firing, long ingestedAt, Long speedViewWatermark) {
    speedLedgers
        .computeIfAbsent(firing.citizenId(), id -> new ArrayList<>())
        .add(new LedgerRow(firing, ingestedAt));
    StoredView existing = speedViews.get(firing.citizenId());
    ScoreView view =
        existing == null || !java.util.Objects.equals(existing.watermark(), speedViewWatermark)
            ? ScoreView.empty(ingestedAt)
            : existing.toScoreView();
    view.add(firing);
    speedViews.put(firing.citizenId(), stored(speedViewWatermark, view));
    return this;
  }

  /** Drops the citizen's speed view row, as if it had never been written. */
  public FakeViewStore withoutSpeedView(String citizenId) {
    speedViews.remove(citizenId);
    return this;
  }

  private static StoredView stored(Long watermark, ScoreView view) {
    return new StoredView(
        watermark,
        view.referenceAt(),
        view.sumsByHalfLife(),
        view.latestFiringAt(),
        view.firings());
  }

  @Override
  public Optional<PublishedRun> publishedRun() {
    return Optional.ofNullable(published);
  }

  @Override
  public Optional<StoredView> batchView(String runId, String citizenId) {
    batchViewReads++;
    return Optional.ofNullable(batchViews.get(runId + "/" + citizenId));
  }

  @Override
  public Optional<StoredView> speedView(String citizenId) {
    speedViewReads++;
    return Optional.ofNullable(speedViews.get(citizenId));
  }

  @Override
  public List<Firing> batchLedger(String runId, String citizenId) {
    batchLedgerReads++;
    return batchLedgers.getOrDefault(runId + "/" + citizenId, List.of());
  }

  @Override
  public List<LedgerRow> speedLedger(String citizenId) {
    speedLedgerReads++;
    return speedLedgers.getOrDefault(citizenId, List.of());
  }
}
