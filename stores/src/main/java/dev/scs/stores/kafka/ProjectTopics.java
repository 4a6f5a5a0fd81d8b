package dev.scs.stores.kafka;

import java.util.List;

/**
 * The names of the project's three topics. Events are keyed by citizen id, so the partition count
 * of the events topic bounds the speed layer's parallelism; the other two carry little traffic and
 * keep one partition so that readers see one ordered stream.
 */
public record ProjectTopics(String events, String deadLetters, String scoreUpdates) {

  public static final String EVENTS = "citizen-events";
  public static final String DEAD_LETTERS = "citizen-events-dlq";
  public static final String SCORE_UPDATES = "score-updates";

  /** Six: three times the cores of the local machine, and a divisor-rich number for scaling. */
  public static final int EVENTS_PARTITIONS = 6;

  public static ProjectTopics defaults() {
    return new ProjectTopics(EVENTS, DEAD_LETTERS, SCORE_UPDATES);
  }

  /** The same topics under a prefix, so that tests and benchmarks never touch the real ones. */
  public ProjectTopics withPrefix(String prefix) {
    return new ProjectTopics(prefix + events, prefix + deadLetters, prefix + scoreUpdates);
  }

  public List<TopicDefinition> definitions() {
    return List.of(
        new TopicDefinition(events, EVENTS_PARTITIONS),
        new TopicDefinition(deadLetters, 1),
        new TopicDefinition(scoreUpdates, 1));
  }

  public List<String> names() {
    return List.of(events, deadLetters, scoreUpdates);
  }
}
