package dev.scs.stores.cassandra;

import static com.datastax.oss.driver.api.core.retry.RetryDecision.RETHROW;
import static com.datastax.oss.driver.api.core.retry.RetryDecision.RETRY_SAME;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.retry.RetryDecision;
import com.datastax.oss.driver.api.core.servererrors.DefaultWriteType;
import org.junit.jupiter.api.Test;

class IdempotentWriteRetryPolicyTest {
  private final IdempotentWriteRetryPolicy policy = new IdempotentWriteRetryPolicy(null, "default");
  private final SimpleStatement write = SimpleStatement.newInstance("INSERT INTO t (k) VALUES (1)");

  @Test
  void anUnloggedBatchThatTimedOutIsTriedTwiceMoreOnTheSameNodeThenFails() {
    assertEquals(RETRY_SAME, afterWriteTimeout(DefaultWriteType.UNLOGGED_BATCH, 0));
    assertEquals(RETRY_SAME, afterWriteTimeout(DefaultWriteType.UNLOGGED_BATCH, 1));
    assertEquals(RETHROW, afterWriteTimeout(DefaultWriteType.UNLOGGED_BATCH, 2));
  }

  @Test
  void plainWritesAndLoggedBatchesAreRetriedToo() {
    assertEquals(RETRY_SAME, afterWriteTimeout(DefaultWriteType.SIMPLE, 0));
    assertEquals(RETRY_SAME, afterWriteTimeout(DefaultWriteType.BATCH, 1));
  }

  @Test
  void countersAndLightweightTransactionsAreNot() {
    assertEquals(RETHROW, afterWriteTimeout(DefaultWriteType.COUNTER, 0));
    assertEquals(RETHROW, afterWriteTimeout(DefaultWriteType.CAS, 0));
  }

  @Test
  void theBatchLogWriteIsRetriedOnceAsByTheDefaultPolicy() {
    assertEquals(RETRY_SAME, afterWriteTimeout(DefaultWriteType.BATCH_LOG, 0));
    assertEquals(RETHROW, afterWriteTimeout(DefaultWriteType.BATCH_LOG, 1));
  }

  @Test
  void readTimeoutsAreLeftToTheDefaultPolicy() {
    assertEquals(RETRY_SAME, afterReadTimeout(0));
    assertEquals(RETHROW, afterReadTimeout(1));
  }

  @Test
  void everySessionOfTheProjectUsesThisPolicy() {
    assertEquals(
        IdempotentWriteRetryPolicy.class.getName(),
        CassandraSessions.driverConfig()
            .getInitialConfig()
            .getDefaultProfile()
            .getString(DefaultDriverOption.RETRY_POLICY_CLASS));
  }

  private RetryDecision afterWriteTimeout(DefaultWriteType type, int retries) {
    return policy
        .onWriteTimeoutVerdict(write, ConsistencyLevel.ONE, type, 1, 0, retries)
        .getRetryDecision();
  }

  /** Enough replicas answered but none sent the data: the one case the default policy retries. */
  private RetryDecision afterReadTimeout(int retries) {
    return policy
        .onReadTimeoutVerdict(write, ConsistencyLevel.ONE, 1, 1, false, retries)
        .getRetryDecision();
  }
}
