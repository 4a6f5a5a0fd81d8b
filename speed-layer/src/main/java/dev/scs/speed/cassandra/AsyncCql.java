package dev.scs.speed.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Many statements at once with a bounded number in flight: one round trip per statement would make
 * a micro-batch of thousands of rows take seconds, and an unbounded number overloads the node.
 */
final class AsyncCql {
  private static final int MAX_IN_FLIGHT = 256;

  private final CqlSession session;

  AsyncCql(CqlSession session) {
    this.session = session;
  }

  /** Executes every statement and waits for all; throws the first failure. */
  void executeAll(List<? extends Statement<?>> statements) {
    run(statements, null);
  }

  /** Executes every statement and returns the rows of all their results, in no given order. */
  List<Row> readAll(List<? extends Statement<?>> statements) {
    ConcurrentLinkedQueue<Row> rows = new ConcurrentLinkedQueue<>();
    run(statements, rows);
    return new ArrayList<>(rows);
  }

  private void run(List<? extends Statement<?>> statements, ConcurrentLinkedQueue<Row> rows) {
    Semaphore permits = new Semaphore(MAX_IN_FLIGHT);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    for (Statement<?> statement : statements) {
      if (failure.get() != null) {
        break;
      }
      permits.acquireUninterruptibly();
      session
          .executeAsync(statement)
          .thenCompose(result -> rows == null ? done(result) : drain(result, rows))
          .whenComplete(
              (ignored, error) -> {
                if (error != null) {
                  failure.compareAndSet(null, error);
                }
                permits.release();
              });
    }
    permits.acquireUninterruptibly(MAX_IN_FLIGHT);
    Throwable error = failure.get();
    if (error != null) {
      throw new IllegalStateException("a Cassandra request failed: " + error.getMessage(), error);
    }
  }

  private static CompletionStage<AsyncResultSet> done(AsyncResultSet result) {
    return java.util.concurrent.CompletableFuture.completedFuture(result);
  }

  private static CompletionStage<AsyncResultSet> drain(
      AsyncResultSet result, ConcurrentLinkedQueue<Row> rows) {
    result.currentPage().forEach(rows::add);
    return result.hasMorePages()
        ? result.fetchNextPage().thenCompose(next -> drain(next, rows))
        : done(result);
  }
}
