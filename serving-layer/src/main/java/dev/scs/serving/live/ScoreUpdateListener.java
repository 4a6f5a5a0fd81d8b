package dev.scs.serving.live;

/**
 * Told by the {@link LiveFeed}'s thread about every record of the {@code score-updates} topic, and
 * whether the feed reads the topic at all: what a cache of speed view rows needs to drop a row when
 * the speed layer rewrites it. Calls must return quickly; they hold up the feed.
 */
public interface ScoreUpdateListener {

  /** A record for the citizen arrived (its speed view row was written again). */
  void scoreUpdated(String citizenId);

  /** A record arrived that names no citizen (malformed): any row may have changed. */
  void unknownChange();

  /**
   * After each poll: true when the feed is positioned on the topic and reading it, false while it
   * waits for the topic, fails to reach Kafka, or is closed (then changes may go unannounced).
   */
  void reading(boolean reading);
}
