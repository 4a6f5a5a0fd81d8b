package dev.scs.speed.scoring;

import dev.scs.speed.port.RuleSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules and config in force, reloaded from their source at each micro-batch so that a new rule
 * version takes effect within one trigger interval, without a restart (issue 5).
 *
 * <p>A set that does not validate is refused as a whole (contract, section 3): the previous valid
 * set stays in force, and the refusal is logged and counted once per distinct refused set (it is
 * reloaded at every micro-batch until someone fixes it). A source that cannot be read keeps the
 * previous set too, and is logged, but is no refusal. With no valid set at all the job cannot score
 * anything, so the first load must succeed.
 */
public final class RefreshingRules {
  private static final Logger LOG = LoggerFactory.getLogger(RefreshingRules.class);

  private final RuleSource source;
  private final AtomicLong refusals = new AtomicLong();
  private ScoringRules inForce;
  private Object lastProblem;

  public RefreshingRules(RuleSource source) {
    this.source = source;
  }

  /** Reloads from the source and returns the set in force. */
  public synchronized ScoringRules current() {
    RuleTexts loaded;
    try {
      loaded = source.load();
    } catch (RuleSource.UnusableRulesException unusable) {
      return keepPrevious(unusable.getMessage(), unusable.getMessage(), true, unusable);
    } catch (RuntimeException unreadable) {
      return keepPrevious(
          "cannot read " + source + ": " + unreadable.getMessage(),
          unreadable.getMessage(),
          false,
          unreadable);
    }
    if (inForce != null && inForce.texts().equals(loaded)) {
      return inForce;
    }
    try {
      ScoringRules parsed = ScoringRules.parse(loaded);
      if (inForce != null) {
        LOG.info("new rules in force from {} ({} rule versions)", source, parsed.rules().size());
      }
      inForce = parsed;
      lastProblem = null;
      return inForce;
    } catch (Exception invalid) {
      return keepPrevious(invalid.getMessage(), loaded, true, invalid);
    }
  }

  /**
   * @param problem what identifies this problem, so that it is logged and counted once
   * @param refused true when the rules were read and refused, false when they could not be read
   */
  private ScoringRules keepPrevious(
      String message, Object problem, boolean refused, Exception cause) {
    if (inForce == null) {
      throw new IllegalStateException(
          (refused ? "the rules or config in " + source + " are invalid: " : "")
              + message
              + "; there is no earlier valid set to keep using",
          cause);
    }
    if (!Objects.equals(problem, lastProblem)) {
      lastProblem = problem;
      if (refused) {
        refusals.incrementAndGet();
        LOG.warn(
            "refused the rules or config in {}, keeping the previous set: {}", source, message);
      } else {
        LOG.warn("{}; keeping the previous rules", message);
      }
    }
    return inForce;
  }

  /** How many distinct rule or config sets were refused since the job started. */
  public long refusals() {
    return refusals.get();
  }
}
