package dev.scs.speed.job;

import dev.scs.speed.port.OutcomeSink;
import dev.scs.speed.scoring.MicroBatchOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes a micro-batch to every sink at once: the sinks are independent stores, each waiting on its
 * own server, so a micro-batch takes as long as its slowest sink rather than the sum of all. Each
 * sink that finished is marked in the checkpoint, whether or not another one failed, so that a
 * re-run skips it.
 */
final class ParallelSinks {
  private final List<OutcomeSink> sinks;
  private final CheckpointFiles checkpointFiles;
  private final ExecutorService executor;

  ParallelSinks(List<OutcomeSink> sinks, CheckpointFiles checkpointFiles) {
    this.sinks = List.copyOf(sinks);
    this.checkpointFiles = checkpointFiles;
    AtomicInteger threads = new AtomicInteger();
    // One thread per sink while micro-batches come; idle threads end, so a stopped query leaves
    // none.
    this.executor =
        new ThreadPoolExecutor(
            0,
            Math.max(1, this.sinks.size()),
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            task -> {
              Thread thread = new Thread(task, "speed-layer-sink-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Writes the outcome to each sink that has not written this micro-batch yet.
   *
   * @return milliseconds each sink took, by name, in the sinks' order
   * @throws IllegalStateException naming the first sink that failed, once all have finished
   */
  Map<String, Long> write(MicroBatchOutcome outcome) {
    long batchId = outcome.batchId();
    List<OutcomeSink> pending = new ArrayList<>();
    List<Future<Long>> results = new ArrayList<>();
    for (OutcomeSink sink : sinks) {
      if (checkpointFiles.isWritten(sink.name(), batchId)) {
        continue;
      }
      pending.add(sink);
      results.add(
          executor.submit(
              () -> {
                long started = System.nanoTime();
                sink.write(outcome);
                checkpointFiles.markWritten(sink.name(), batchId);
                return (System.nanoTime() - started) / 1_000_000;
              }));
    }
    Map<String, Long> millisBySink = new LinkedHashMap<>();
    RuntimeException failure = null;
    for (int i = 0; i < pending.size(); i++) {
      String name = pending.get(i).name();
      try {
        millisBySink.put(name, results.get(i).get());
      } catch (ExecutionException e) {
        if (failure == null) {
          failure =
              new IllegalStateException(
                  "sink "
                      + name
                      + " failed on micro-batch "
                      + batchId
                      + ": "
                      + e.getCause().getMessage(),
                  e.getCause());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while writing micro-batch " + batchId, e);
      }
    }
    if (failure != null) {
      throw failure;
    }
    return millisBySink;
  }
}
