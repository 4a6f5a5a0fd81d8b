package dev.scs.speed.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.scs.speed.port.CitizenStateStore;
import dev.scs.speed.port.EventIdClaims;
import dev.scs.speed.scoring.CitizenState;
import dev.scs.speed.scoring.CitizenStates;
import dev.scs.speed.scoring.PublishedRun;
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
 * micro-batch, a hundred partitions per request.
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
    Map<String, Map<String, long[]>> rules = new HashMap<>();
    for (Row row : cql.readAll(inChunks(ruleState, citizenIds, null))) {
      List<Instant> times = row.getList("firing_times", Instant.class);
      rules
          .computeIfAbsent(row.getString("citizen_id"), id -> new TreeMap<>())
          .put(row.getString("rule_id"), times.stream().mapToLong(Instant::toEpochMilli).toArray());
    }
    Map<String, Row> speedViews = byCitizen(cql.readAll(inChunks(speedView, citizenIds, null)));
    Map<String, Row> batchViews =
        run == null
            ? Map.of()
            : byCitizen(cql.readAll(inChunks(batchView, citizenIds, run.runId())));
    Map<String, CitizenState> states = new HashMap<>();
    for (String citizenId : citizenIds) {
      Row speed = speedViews.get(citizenId);
      Row batch = batchViews.get(citizenId);
      Map<String, long[]> ruleTimes = rules.getOrDefault(citizenId, Map.of());
      if (speed == null && batch == null && ruleTimes.isEmpty()) {
        continue;
      }
      states.put(
          citizenId,
          new CitizenState(
              ruleTimes,
              speed == null ? null : view(speed),
              speed == null || speed.isNull("watermark")
                  ? null
                  : speed.getInstant("watermark").toEpochMilli(),
              batch == null ? null : view(batch)));
    }
    return new CitizenStates(run, states);
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
