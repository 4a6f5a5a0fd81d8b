package dev.scs.stores.setup;

/**
 * One thing that applying or removing a contract did, or decided not to do, in one store: {@code
 * item} names it ("table scs.ledger", "validator of citizens"), {@code detail} says why when the
 * outcome needs a reason (a refusal by the server, a difference left alone), else it is empty.
 */
public record SetupStep(String store, String item, Outcome outcome, String detail) {

  public SetupStep {
    detail = detail == null ? "" : detail;
  }

  public static SetupStep of(String store, String item, Outcome outcome) {
    return new SetupStep(store, item, outcome, "");
  }

  /** What happened to the item. */
  public enum Outcome {
    CREATED("created"),
    /** It was there already, as the contract says: applying again changes nothing. */
    UNCHANGED("already present"),
    /** It was there, differently; it now follows the contract. */
    UPDATED("updated"),
    /** Not applied: the server does not support it, or it differs and was left alone. */
    SKIPPED("skipped"),
    REMOVED("removed"),
    /** Nothing to remove. */
    ABSENT("not present");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** One line for a command's summary, e.g. {@code kafka: topic citizen-events: created}. */
  public String describe() {
    return store
        + ": "
        + item
        + ": "
        + outcome.label()
        + (detail.isEmpty() ? "" : " (" + detail + ")");
  }
}
