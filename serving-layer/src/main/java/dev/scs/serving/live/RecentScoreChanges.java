package dev.scs.serving.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns score updates into score changes: remembers each citizen's latest update (to tell a repeat
 * from a change, and to know how many firings an update added) and keeps the most recent changes.
 * Not thread-safe: the feed's thread is its only writer, readers get copies through the feed.
 *
 * <p>Both memories are bounded: the least recently updated citizens are forgotten past {@code
 * citizensRemembered} (their next update then shows no previous score), and only the last {@code
 * changesKept} changes are kept.
 */
public final class RecentScoreChanges {
  private final int changesKept;
  private final Deque<ScoreChange> recent;
  private final Map<String, ScoreUpdate> latestByCitizen;

  public RecentScoreChanges(int changesKept, int citizensRemembered) {
    if (changesKept < 1 || citizensRemembered < 1) {
      throw new IllegalArgumentException("the feed must keep at least one change and citizen");
    }
    this.changesKept = changesKept;
    this.recent = new ArrayDeque<>(changesKept);
    // Access order: a citizen updated again moves to the end, so the eldest is the least recent.
    this.latestByCitizen =
        new LinkedHashMap<>(1024, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, ScoreUpdate> eldest) {
            return size() > citizensRemembered;
          }
        };
  }

  /**
   * The change {@code update} makes, or empty when it repeats the citizen's previous update (a
   * micro-batch the speed layer ran again).
   */
  public Optional<ScoreChange> apply(ScoreUpdate update, long receivedAtMillis) {
    ScoreUpdate previous = latestByCitizen.get(update.citizenId());
    if (update.repeats(previous)) {
      return Optional.empty();
    }
    latestByCitizen.put(update.citizenId(), update);
    ScoreChange change = ScoreChange.between(previous, update, receivedAtMillis);
    if (recent.size() == changesKept) {
      recent.removeFirst();
    }
    recent.addLast(change);
    return Optional.of(change);
  }

  /** The kept changes, newest first. */
  public List<ScoreChange> newestFirst() {
    List<ScoreChange> changes = new ArrayList<>(recent.size());
    recent.descendingIterator().forEachRemaining(changes::add);
    return changes;
  }

  public int citizensRemembered() {
    return latestByCitizen.size();
  }
}
