package dev.scs.serving.live;

/**
 * The feed's state as the dashboard shows it.
 *
 * @param state whether the feed reads, waits for its topic, or fails to reach the source
 * @param description one line: what the feed reads, waits for, or why it cannot read
 * @param lastChangeAtMillis when the feed last read a score change; {@code null} before the first.
 *     A Kafka consumer keeps retrying a broker that went away without failing, so this is what
 *     tells a quiet speed layer, or a lost broker, from a healthy stream
 */
public record FeedStatus(
    State state,
    String description,
    RollingRates.Rates rates,
    int clients,
    long droppedClients,
    long malformedRecords,
    Long lastChangeAtMillis) {
  /** Named in lower case in the live messages. */
  public enum State {
    READING,
    WAITING,
    FAILING
  }

  public boolean reading() {
    return state == State.READING;
  }
}
