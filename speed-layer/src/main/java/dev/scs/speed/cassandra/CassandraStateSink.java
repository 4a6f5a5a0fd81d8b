package dev.scs.speed.cassandra;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.scs.scoring.engine.Firing;
import dev.scs.speed.port.OutcomeSink;
import dev.scs.speed.scoring.AcceptedEvent;
import dev.scs.speed.scoring.CitizenUpdate;
import dev.scs.speed.scoring.MicroBatchOutcome;
import dev.scs.speed.scoring.ScoredFiring;
import dev.scs.speed.scoring.StoredView;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes a micro-batch to the CQL tables: the archive and the event_id claims (with the archive's
 * time to live), the ledger, and each touched citizen's speed view and rule state. Every row is an
 * upsert keyed by the outcome (the primary keys of keyspace.cql), with absolute values, so writing
 * an outcome again leaves the tables as they were.
 *
 * <p>The archive and the claims are written first, the rest once they are: a batch run reads the
 * ledger, then the archive, and may then count on every firing it read having its event archived
 * (batch-layer/README.md, "Hand-over"). Rows go in unlogged batches of rows on the same replicas
 * ({@link ReplicaBatches}).
 */
public final class CassandraStateSink implements OutcomeSink {
  private final CqlSession session;
  private final CqlIdentifier keyspace;
  private final AsyncCql cql;
  private final int archiveTtlSeconds;
  private final PreparedStatement archive;
  private final PreparedStatement claim;
  private final PreparedStatement ledger;
  private final PreparedStatement speedView;
  private final PreparedStatement ruleState;
  private final PreparedStatement clearRuleState;

  public CassandraStateSink(CqlSession session, String keyspace, Duration archiveTimeToLive) {
    this.session = session;
    this.keyspace = CqlIdentifier.fromCql(keyspace);
    this.cql = new AsyncCql(session);
    this.archiveTtlSeconds = Math.toIntExact(archiveTimeToLive.toSeconds());
    this.archive =
        session.prepare(
            "INSERT INTO "
                + keyspace
                + ".events_archive (citizen_id, occurred_at, event_id, type, source, ingested_at,"
                + " raw_json, kafka_partition, kafka_offset) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " USING TTL ?");
    this.claim =
        session.prepare(
            "INSERT INTO "
                + keyspace
                + ".event_ids (event_id, citizen_id, ingested_at) VALUES (?, ?, ?) USING TTL ?");
    this.ledger =
        session.prepare(
            "INSERT INTO "
                + keyspace
                + ".ledger (citizen_id, occurred_at, event_id, rule_id, rule_version, delta,"
                + " half_life_ms, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    this.speedView =
        session.prepare(
            "INSERT INTO "
                + keyspace
                + ".speed_view (citizen_id, watermark, reference_at, sums, latest_firing_at,"
                + " firings) VALUES (?, ?, ?, ?, ?, ?)");
    this.ruleState =
        session.prepare(
            "INSERT INTO "
                + keyspace
                + ".rule_state (citizen_id, rule_id, firing_times, as_of) VALUES (?, ?, ?, ?)");
    this.clearRuleState =
        session.prepare(
            "DELETE FROM " + keyspace + ".rule_state WHERE citizen_id = ? AND rule_id = ?");
  }

  @Override
  public String name() {
    return "cassandra";
  }

  @Override
  public void write(MicroBatchOutcome outcome) {
    ReplicaBatches events = new ReplicaBatches(session, keyspace);
    for (AcceptedEvent event : outcome.accepted()) {
      events.add(
          archive.bind(
              event.citizenId(),
              Instant.ofEpochMilli(event.occurredAt()),
              event.eventId(),
              event.type(),
              event.source(),
              Instant.ofEpochMilli(event.ingestedAt()),
              event.rawJson(),
              event.partition(),
              event.offset(),
              archiveTtlSeconds));
      events.add(
          claim.bind(
              event.eventId(),
              event.citizenId(),
              Instant.ofEpochMilli(event.ingestedAt()),
              archiveTtlSeconds));
    }
    cql.executeAll(events.statements());
    ReplicaBatches rows = new ReplicaBatches(session, keyspace);
    for (ScoredFiring scored : outcome.firings()) {
      Firing firing = scored.firing();
      rows.add(
          ledger.bind(
              firing.citizenId(),
              Instant.ofEpochMilli(firing.occurredAt()),
              firing.eventId(),
              firing.ruleId(),
              firing.ruleVersion(),
              firing.delta(),
              firing.halfLifeMillis(),
              Instant.ofEpochMilli(scored.ingestedAt())));
    }
    for (CitizenUpdate citizen : outcome.citizens()) {
      addStateOf(citizen, rows);
    }
    cql.executeAll(rows.statements());
  }

  private void addStateOf(CitizenUpdate citizen, ReplicaBatches rows) {
    Instant asOf = Instant.ofEpochMilli(citizen.ingestedAt());
    for (Map.Entry<String, long[]> rule : citizen.ruleState().entrySet()) {
      List<Instant> times = Arrays.stream(rule.getValue()).mapToObj(Instant::ofEpochMilli).toList();
      rows.add(ruleState.bind(citizen.citizenId(), rule.getKey(), times, asOf));
    }
    for (String ruleId : citizen.clearedRuleIds()) {
      rows.add(clearRuleState.bind(citizen.citizenId(), ruleId));
    }
    StoredView view = citizen.speedView();
    if (view != null) {
      rows.add(
          speedView.bind(
              citizen.citizenId(),
              citizen.speedViewWatermark() == null
                  ? null
                  : Instant.ofEpochMilli(citizen.speedViewWatermark()),
              Instant.ofEpochMilli(view.referenceAt()),
              view.sumsByHalfLife(),
              view.firings() == 0 ? null : Instant.ofEpochMilli(view.latestFiringAt()),
              view.firings()));
    }
  }
}
