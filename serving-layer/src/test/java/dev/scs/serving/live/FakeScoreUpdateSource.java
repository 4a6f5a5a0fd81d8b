package dev.scs.serving.live;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A score-update source that hands out what the test queued, one batch per poll, and can fail a
 * poll the way an unreachable broker does. It never waits.
 */
public final class FakeScoreUpdateSource implements ScoreUpdateSource {
  private final Deque<Object> polls = new ArrayDeque<>();
  private boolean closed;

  /** The next poll returns these record values. */
  public synchronized FakeScoreUpdateSource thenRecords(String... jsonValues) {
    polls.add(
        java.util.Arrays.stream(jsonValues)
            .map(json -> json.getBytes(StandardCharsets.UTF_8))
            .toList());
    notifyAll();
    return this;
  }

  /** The next poll throws {@code failure}. */
  public synchronized FakeScoreUpdateSource thenFailure(RuntimeException failure) {
    polls.add(failure);
    notifyAll();
    return this;
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized List<byte[]> poll(Duration timeout) {
    if (polls.isEmpty()) {
      try {
        wait(timeout.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Object next = polls.poll();
    if (next instanceof RuntimeException failure) {
      throw failure;
    }
    return next == null ? List.of() : (List<byte[]>) next;
  }

  @Override
  public synchronized void wakeup() {
    notifyAll();
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  public synchronized boolean closed() {
    return closed;
  }

  /** A record as the speed layer's TopicRecords.scoreUpdate writes it. */
  public static String scoreUpdate(
      String citizenId, String score, String tier, long firings, String asOf) {
    return "{\"citizen_id\":\"%s\",\"raw\":%s,\"score\":%s,\"tier\":\"%s\",\"firings\":%d,\"as_of\":\"%s\"}"
        .formatted(citizenId, score, score, tier, firings, asOf);
  }
}
