package dev.scs.stores.dgraph;

import io.dgraph.TxnConflictException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs a Dgraph transaction again when Dgraph aborts it for a conflict: two transactions wrote the
 * same key (the same citizen's node, the same tie, or the citizen_id index entry of a citizen both
 * created). A conflict is expected between the speed and batch layers and is retried with a short
 * randomised backoff; any other failure is not, and is thrown at once.
 */
final class ConflictRetries {
  private final int attempts;
  private final Duration firstBackoff;

  ConflictRetries(int attempts, Duration firstBackoff) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, but was " + attempts);
    }
    this.attempts = attempts;
    this.firstBackoff = firstBackoff;
  }

  static ConflictRetries standard() {
    return new ConflictRetries(10, Duration.ofMillis(20));
  }

  <T> T run(String what, Supplier<T> transaction) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.get();
      } catch (RuntimeException e) {
        if (!isConflict(e)) {
          throw e;
        }
        if (attempt == attempts) {
          throw new IllegalStateException(
              what + ": Dgraph aborted the transaction for a conflict " + attempts + " times", e);
        }
        pause(attempt);
      }
    }
  }

  /** dgraph4j reports an abort at commit as TxnConflictException, and in a request as ABORTED. */
  static boolean isConflict(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof TxnConflictException) {
        return true;
      }
      if (cause instanceof StatusRuntimeException status
          && status.getStatus().getCode() == Status.Code.ABORTED) {
        return true;
      }
    }
    return false;
  }

  private void pause(int attempt) {
    long ceiling = firstBackoff.toMillis() << Math.min(attempt - 1, 6);
    try {
      Thread.sleep(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying a Dgraph transaction", e);
    }
  }
}
