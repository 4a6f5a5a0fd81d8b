package dev.scs.stores.cassandra;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.context.DriverContext;
import com.datastax.oss.driver.api.core.retry.RetryVerdict;
import com.datastax.oss.driver.api.core.servererrors.WriteType;
import com.datastax.oss.driver.api.core.session.Request;
import com.datastax.oss.driver.internal.core.retry.DefaultRetryPolicy;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's default retry policy, except that a write the server timed out is tried again, up to
 * {@value #MAX_WRITE_RETRIES} times on the same node, when it is a plain write or a batch. The
 * default policy retries only a logged batch's batch-log write, so one timeout of an unlogged batch
 * (a node busy flushing, or a long pause of its collector) failed the speed layer's micro-batch and
 * stopped the stream.
 *
 * <p>The driver asks a retry policy only about statements marked idempotent (it rethrows the others
 * at once), and every row the project writes that way is an upsert of absolute values. A retry
 * keeps the request's timestamp, so a write that did land before the timeout is written again with
 * the same cells. Counter updates and lightweight transactions are never retried here: they are not
 * idempotent.
 */
public class IdempotentWriteRetryPolicy extends DefaultRetryPolicy {
  static final int MAX_WRITE_RETRIES = 2;

  private static final Logger LOG = LoggerFactory.getLogger(IdempotentWriteRetryPolicy.class);

  /** By name: a write type is an interface, and the driver's enum is one implementation of it. */
  private static final Set<String> RETRIED_WRITES = Set.of("SIMPLE", "UNLOGGED_BATCH", "BATCH");

  /** The constructor the driver calls for a policy named in its configuration. */
  public IdempotentWriteRetryPolicy(DriverContext context, String profileName) {
    super(context, profileName);
  }

  @Override
  public RetryVerdict onWriteTimeoutVerdict(
      Request request,
      ConsistencyLevel consistency,
      WriteType writeType,
      int blockFor,
      int received,
      int retryCount) {
    if (retryCount < MAX_WRITE_RETRIES && RETRIED_WRITES.contains(writeType.name())) {
      LOG.warn(
          "Cassandra timed out an idempotent {} write ({} of {} replicas acknowledged at {});"
              + " retry {} of {} on the same node",
          writeType,
          received,
          blockFor,
          consistency,
          retryCount + 1,
          MAX_WRITE_RETRIES);
      return RetryVerdict.RETRY_SAME;
    }
    return super.onWriteTimeoutVerdict(
        request, consistency, writeType, blockFor, received, retryCount);
  }
}
