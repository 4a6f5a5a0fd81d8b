package dev.scs.speed.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.scs.scoring.engine.Firing;
import dev.scs.speed.port.CitizenStateStore;
import dev.scs.speed.port.EventIdClaims;
import dev.scs.speed.scoring.CitizenState;
import dev.scs.speed.scoring.CitizenStates;
import dev.scs.speed.scoring.PublishedRun;
import dev.scs.speed.scoring.SpeedSideRebase;
import dev.scs.speed.scoring.StoredView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads event_ids, rule_state, speed_view, published_run and batch_view for the ids of one
 * micro-batch, a hundred partitions per request. A citizen whose speed_view row does not count from
 * the published run's watermark (or that has none) is rebased ({@link SpeedSideRebase}) from the
 * run's batch_rule_state and the ledger's rows ingested at or after W, read for those citizens
 * only.
 */
public final class CassandraStateReader implements EventIdClaims, CitizenStateStore {
  /** Partitions per IN request: few round trips, without making one coordinator do everything. */
  private static final int IN_CHUNK = 100;

  /** The row of published_run that names the current run (the batch layer writes it). */
  static final String CURRENT_RUN = "current";

  private final AsyncCql cql;
  private final CqlSession session;
  private final PreparedStatement claims;
  private final PreparedStatement ruleState;
  private final PreparedStatement speedView;
  private final PreparedStatement publishedRun;
  private final PreparedStatement batchView;
  private final PreparedStatement batchRuleState;
  private final PreparedStatement ledgerSince;

  public CassandraStateReader(CqlSession session, String keyspace) {
    this.session = session;
    this.cql = new AsyncCql(session);
    this.claims =
        session.prepare("SELECT event_id FROM " + keyspace + ".event_ids WHERE event_id IN ?");
    this.ruleState =
        session.prepare(
            "SELECT citizen_id, rule_id, firing_times FROM "
                + keyspace
                + ".rule_state WHERE citizen_id IN ?");
    this.speedView =
        session.prepare(
            "SELECT citizen_id, watermark, reference_at, sums, latest_firing_at, firings FROM "
                + keyspace
                + ".speed_view WHERE citizen_id IN ?");
    this.publishedRun =
        session.prepare(
            "SELECT run_id, watermark FROM " + keyspace + ".published_run WHERE name = ?");
    this.batchView =
        session.prepare(
            "SELECT citizen_id, reference_at, sums, latest_firing_at, firings FROM "
                + keyspace
                + ".batch_view WHERE run_id = ? AND citizen_id IN ?");
    this.batchRuleState =
        session.prepare(
            "SELECT citizen_id, rule_id, firing_times FROM "
                + keyspace
                + ".batch_rule_state WHERE run_id = ? AND citizen_id IN ?");
    // ingested_at is no key: the filter runs inside each citizen's partition, which is read whole.
    this.ledgerSince =
        session.prepare(
            "SELECT citizen_id, occurred_at, event_id, rule_id, rule_version, delta, half_life_ms,"
                + " ingested_at FROM "
                + keyspace
                + ".ledger WHERE citizen_id IN ?");
  }

  @Override
  public Set<String> claimedAmong(Set<String> eventIds) {
    Set<String> claimed = new HashSet<>();
    for (Row row : cql.readAll(inChunks(claims, eventIds, null))) {
      claimed.add(row.getString("event_id"));
    }
    return claimed;
  }

  @Override
  public CitizenStates load(Set<String> citizenIds) {
    PublishedRun run = publishedRun();
    Map<String, Map<String, long[]>> rules =
        ruleTimes(cql.readAll(inChunks(ruleState, citizenIds, null)));
    Map<String, Row> speedViews = byCitizen(cql.readAll(inChunks(speedView, citizenIds, null)));
    Map<String, Row> batchViews =
        run == null
            ? Map.of()
            : byCitizen(cql.readAll(inChunks(batchView, citizenIds, run.runId())));
    Map<String, CitizenState> states = new HashMap<>();
    Set<String> stale = new HashSet<>();
    for (String citizenId : citizenIds) {
      Row speed = speedViews.get(citizenId);
      Row batch = batchViews.get(citizenId);
      Map<String, long[]> ruleTimes = rules.getOrDefault(citizenId, Map.of());
      CitizenState stored =
          new CitizenState(
              ruleTimes,
              speed == null ? null : view(speed),
              speed == null || speed.isNull("watermark")
                  ? null
                  : speed.getInstant("watermark").toEpochMilli(),
              batch == null ? null : view(batch));
      if (!stored.isRelativeTo(run)) {
        stale.add(citizenId);
      }
      if (speed != null || batch != null || !ruleTimes.isEmpty() || run != null) {
        states.put(citizenId, stored);
      }
    }
    if (!stale.isEmpty()) {
      rebase(run, stale, states);
    }
    return new CitizenStates(run, states);
  }

  /** Replaces the stale citizens' states with ones rebased on {@code run}. */
  private void rebase(PublishedRun run, Set<String> stale, Map<String, CitizenState> states) {
    Map<String, Map<String, long[]>> batchTimes =
        ruleTimes(cql.readAll(inChunks(batchRuleState, stale, run.runId())));
    Map<String, List<Firing>> ledger = new HashMap<>();
    for (Row row : cql.readAll(inChunks(ledgerSince, stale, null))) {
      // A row without ingested_at predates the hand-over; no run can have counted it.
      if (row.isNull("ingested_at")
          || row.getInstant("ingested_at").toEpochMilli() >= run.watermark()) {
        ledger
            .computeIfAbsent(row.getString("citizen_id"), id -> new ArrayList<>())
            .add(firing(row));
      }
    }
    for (String citizenId : stale) {
      states.put(
          citizenId,
          SpeedSideRebase.rebase(
              run,
              batchTimes.getOrDefault(citizenId, Map.of()),
              ledger.getOrDefault(citizenId, List.of()),
              states.get(citizenId)));
    }
  }

  private static Map<String, Map<String, long[]>> ruleTimes(List<Row> rows) {
    Map<String, Map<String, long[]>> times = new HashMap<>();
    for (Row row : rows) {
      List<Instant> values = row.getList("firing_times", Instant.class);
      times
          .computeIfAbsent(row.getString("citizen_id"), id -> new TreeMap<>())
          .put(
              row.getString("rule_id"), values.stream().mapToLong(Instant::toEpochMilli).toArray());
    }
    return times;
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

  private PublishedRun publishedRun() {
    Row row = session.execute(publishedRun.bind(CURRENT_RUN)).one();
    if (row == null || row.isNull("run_id")) {
      return null;
    }
    return new PublishedRun(row.getString("run_id"), row.getInstant("watermark").toEpochMilli());
  }

  private static StoredView view(Row row) {
    return new StoredView(
        row.getInstant("reference_at").toEpochMilli(),
        row.getMap("sums", Long.class, Double.class),
        row.isNull("latest_firing_at")
            ? Long.MIN_VALUE
            : row.getInstant("latest_firing_at").toEpochMilli(),
        row.getLong("firings"));
  }

  private static Map<String, Row> byCitizen(List<Row> rows) {
    Map<String, Row> byCitizen = new HashMap<>();
    rows.forEach(row -> byCitizen.put(row.getString("citizen_id"), row));
    return byCitizen;
  }

  private static List<BoundStatement> inChunks(
      PreparedStatement statement, Set<String> ids, String runId) {
    List<String> all = new ArrayList<>(ids);
    List<BoundStatement> statements = new ArrayList<>();
    for (int from = 0; from < all.size(); from += IN_CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
      statements.add(
          runId == null
              ? statement.bind(List.copyOf(chunk))
              : statement.bind(runId, List.copyOf(chunk)));
    }
    return statements;
  }
}
