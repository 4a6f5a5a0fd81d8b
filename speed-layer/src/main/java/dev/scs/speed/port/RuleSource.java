package dev.scs.speed.port;

import dev.scs.speed.scoring.RuleTexts;

/**
 * Where the current rule set and config are stored (MongoDB in production). Called at every
 * micro-batch; {@code toString()} names the store in log lines and errors.
 */
public interface RuleSource {
  /**
   * The stored texts. A source that validates as it reads throws {@link UnusableRulesException} for
   * a set that does not validate; any other exception means the store could not be read.
   */
  RuleTexts load();

  /** The stored rules or config are there but cannot be used; the message says why. */
  final class UnusableRulesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnusableRulesException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
