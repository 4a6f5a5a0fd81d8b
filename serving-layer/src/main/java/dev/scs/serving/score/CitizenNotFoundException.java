package dev.scs.serving.score;

/** A citizen that is neither registered nor has any firing: the endpoints answer 404. */
public final class CitizenNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CitizenNotFoundException(String citizenId) {
    super("no citizen " + citizenId + ": it is not registered and has no scored event");
  }
}
