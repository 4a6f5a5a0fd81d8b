package dev.scs.serving.explain;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.util.HashMap;
import java.util.Map;

/** {@link EventArchive} over {@code events_archive}: one partition, the citizen id bound. */
public final class CassandraEventArchive implements EventArchive {
  private final CqlSession session;
  private final PreparedStatement events;

  public CassandraEventArchive(CqlSession session, String keyspace) {
    this.session = session;
    this.events =
        session.prepare(
            "SELECT event_id, type, raw_json FROM "
                + keyspace
                + ".events_archive WHERE citizen_id = ?");
  }

  @Override
  public Map<String, ArchivedEvent> eventsOf(String citizenId) {
    Map<String, ArchivedEvent> byId = new HashMap<>();
    for (Row row : session.execute(events.bind(citizenId))) {
      String eventId = row.getString("event_id");
      byId.put(
          eventId, new ArchivedEvent(eventId, row.getString("type"), row.getString("raw_json")));
    }
    return byId;
  }
}
