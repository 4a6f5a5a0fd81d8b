package dev.scs.serving.live;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where the live feed reads score updates from: the Kafka topic in production ({@link
 * KafkaScoreUpdateSource}), a hand-written fake in unit tests. Only the feed's own thread calls it.
 */
public interface ScoreUpdateSource extends AutoCloseable {

  /** The record values that arrived, waiting at most {@code timeout} for the first one. */
  List<byte[]> poll(Duration timeout);

  /**
   * Empty while the source is positioned and reading; otherwise what it waits for (a topic that
   * does not exist yet).
   */
  default Optional<String> waitingFor() {
    return Optional.empty();
  }

  /** Ends a {@link #poll} in progress from another thread; the next poll returns at once. */
  void wakeup();

  @Override
  void close();
}
