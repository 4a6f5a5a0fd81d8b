package dev.scs.serving.score;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.scs.scoring.engine.Firing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * {@link ViewStore} over the keyspace's tables, with statements prepared once and every value
 * bound. The keyspace name comes from configuration, never from a request.
 */
public final class CassandraViewStore implements ViewStore {
  private final CqlSession session;
  private final PreparedStatement publishedRun;
  private final PreparedStatement batchView;
  private final PreparedStatement speedView;
  private final PreparedStatement batchLedger;
  private final PreparedStatement speedLedger;

  public CassandraViewStore(CqlSession session, String keyspace) {
    this.session = session;
    this.publishedRun =
        session.prepare(
            "SELECT run_id, watermark, published_at FROM "
                + keyspace
                + ".published_run WHERE name = ?");
    this.batchView =
        session.prepare(
            "SELECT reference_at, sums, latest_firing_at, firings FROM "
                + keyspace
                + ".batch_view WHERE run_id = ? AND citizen_id = ?");
    this.speedView =
        session.prepare(
            "SELECT watermark, reference_at, sums, latest_firing_at, firings FROM "
                + keyspace
                + ".speed_view WHERE citizen_id = ?");
    this.batchLedger =
        session.prepare(
            "SELECT citizen_id, occurred_at, event_id, rule_id, rule_version, delta, half_life_ms"
                + " FROM "
                + keyspace
                + ".batch_ledger WHERE run_id = ? AND citizen_id = ?");
    this.speedLedger =
        session.prepare(
            "SELECT citizen_id, occurred_at, event_id, rule_id, rule_version, delta, half_life_ms,"
                + " ingested_at FROM "
                + keyspace
                + ".ledger WHERE citizen_id = ?");
  }

  @Override
  public Optional<PublishedRun> publishedRun() {
    Row row = session.execute(publishedRun.bind(PublishedRun.CURRENT)).one();
    if (row == null || row.getString("run_id") == null || row.getInstant("watermark") == null) {
      return Optional.empty();
    }
    Instant publishedAt = row.getInstant("published_at");
    return Optional.of(
        new PublishedRun(
            row.getString("run_id"),
            row.getInstant("watermark").toEpochMilli(),
            publishedAt == null ? 0 : publishedAt.toEpochMilli()));
  }

  @Override
  public Optional<StoredView> batchView(String runId, String citizenId) {
    Row row = session.execute(batchView.bind(runId, citizenId)).one();
    return Optional.ofNullable(row).map(found -> view(found, null));
  }

  /** Both reads in flight at once: one round trip of latency instead of two. */
  @Override
  public CitizenViews views(String runId, String citizenId) {
    CompletionStage<AsyncResultSet> speed = session.executeAsync(speedView.bind(citizenId));
    Optional<StoredView> batch =
        runId == null
            ? Optional.empty()
            : Optional.ofNullable(
                    session
                        .executeAsync(batchView.bind(runId, citizenId))
                        .toCompletableFuture()
                        .join()
                        .one())
                .map(found -> view(found, null));
    Row speedRow = speed.toCompletableFuture().join().one();
    return new CitizenViews(
        batch, Optional.ofNullable(speedRow).map(found -> view(found, millis(found, "watermark"))));
  }

  @Override
  public Optional<StoredView> speedView(String citizenId) {
    Row row = session.execute(speedView.bind(citizenId)).one();
    return Optional.ofNullable(row).map(found -> view(found, millis(found, "watermark")));
  }

  @Override
  public List<Firing> batchLedger(String runId, String citizenId) {
    List<Firing> firings = new ArrayList<>();
    for (Row row : session.execute(batchLedger.bind(runId, citizenId))) {
      firings.add(firing(row));
    }
    return firings;
  }

  @Override
  public List<LedgerRow> speedLedger(String citizenId) {
    List<LedgerRow> rows = new ArrayList<>();
    for (Row row : session.execute(speedLedger.bind(citizenId))) {
      Long ingestedAt = millis(row, "ingested_at");
      rows.add(new LedgerRow(firing(row), ingestedAt == null ? Long.MAX_VALUE : ingestedAt));
    }
    return rows;
  }

  private static StoredView view(Row row, Long watermark) {
    Map<Long, Double> sums = row.getMap("sums", Long.class, Double.class);
    Long latest = millis(row, "latest_firing_at");
    return new StoredView(
        watermark,
        row.getInstant("reference_at").toEpochMilli(),
        sums == null ? Map.of() : sums,
        latest == null ? Long.MIN_VALUE : latest,
        row.getLong("firings"));
  }

  private static Firing firing(Row row) {
    return new Firing(
        row.getString("event_id"),
        row.getString("citizen_id"),
        row.getString("rule_id"),
        row.getInt("rule_version"),
        row.getInstant("occurred_at").toEpochMilli(),
        row.getBigDecimal("delta"),
        row.getLong("half_life_ms"));
  }

  private static Long millis(Row row, String column) {
    Instant instant = row.getInstant(column);
    return instant == null ? null : instant.toEpochMilli();
  }
}
