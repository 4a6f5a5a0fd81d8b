package dev.scs.scoring.event;

/** What validation decided about one record: an accepted event, or a rejection with a reason. */
public sealed interface EventVerdict permits EventVerdict.Accepted, EventVerdict.Rejected {

  record Accepted(Event event) implements EventVerdict {}

  /**
   * A rejection. {@code detail} says which field and why, for people reading the dead-letter topic;
   * {@code eventId} and {@code citizenId} are whatever could be read, else {@code null}.
   */
  record Rejected(RejectionReason reason, String detail, String eventId, String citizenId)
      implements EventVerdict {}

  default boolean isAccepted() {
    return this instanceof Accepted;
  }
}
