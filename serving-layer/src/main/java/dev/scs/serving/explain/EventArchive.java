package dev.scs.serving.explain;

import java.util.Map;

/** The archived events of one citizen (table {@code events_archive}), by event id. */
public interface EventArchive {
  Map<String, ArchivedEvent> eventsOf(String citizenId);
}
