package dev.scs.speed.scoring;

import dev.scs.speed.port.CitizenDirectory;
import dev.scs.speed.port.CitizenStateStore;
import dev.scs.speed.port.EventIdClaims;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Asks the stores, and keeps each answer for the micro-batch's journal ({@link #recorded}) and the
 * time spent asking ({@link #millisAsking}).
 */
public final class RecordingLookups implements BatchLookups {
  private final RefreshingRules rules;
  private final CitizenDirectory directory;
  private final EventIdClaims claims;
  private final CitizenStateStore states;
  private final long ingestionFloor;

  private ScoringRules rulesAnswer;
  private Set<String> registeredAnswer = Set.of();
  private Set<String> claimedAnswer = Set.of();
  private CitizenStates statesAnswer = new CitizenStates(null, Map.of());
  private long nanosAsking;

  public RecordingLookups(
      RefreshingRules rules,
      CitizenDirectory directory,
      EventIdClaims claims,
      CitizenStateStore states,
      long ingestionFloor) {
    this.rules = rules;
    this.directory = directory;
    this.claims = claims;
    this.states = states;
    this.ingestionFloor = ingestionFloor;
  }

  @Override
  public long ingestionFloor() {
    return ingestionFloor;
  }

  @Override
  public ScoringRules rules() {
    rulesAnswer = timed(rules::current);
    return rulesAnswer;
  }

  @Override
  public Set<String> registeredAmong(Set<String> citizenIds) {
    registeredAnswer =
        citizenIds.isEmpty()
            ? Set.of()
            : Set.copyOf(timed(() -> directory.registeredAmong(citizenIds)));
    return registeredAnswer;
  }

  @Override
  public Set<String> claimedAmong(Set<String> eventIds) {
    claimedAnswer =
        eventIds.isEmpty() ? Set.of() : Set.copyOf(timed(() -> claims.claimedAmong(eventIds)));
    return claimedAnswer;
  }

  @Override
  public CitizenStates statesOf(Set<String> citizenIds) {
    statesAnswer = timed(() -> states.load(citizenIds));
    return statesAnswer;
  }

  /** The store's answer, its waiting time added to {@link #millisAsking}. */
  private <T> T timed(Supplier<T> ask) {
    long started = System.nanoTime();
    try {
      return ask.get();
    } finally {
      nanosAsking += System.nanoTime() - started;
    }
  }

  /** Milliseconds spent waiting for the stores' answers so far. */
  public long millisAsking() {
    return nanosAsking / 1_000_000;
  }

  /** What was answered, once the scorer has asked everything. */
  public BatchInputs recorded() {
    if (rulesAnswer == null) {
      throw new IllegalStateException("the scorer has not asked for the rules yet");
    }
    return new BatchInputs(
        rulesAnswer.texts(), registeredAnswer, claimedAnswer, statesAnswer, ingestionFloor);
  }
}
