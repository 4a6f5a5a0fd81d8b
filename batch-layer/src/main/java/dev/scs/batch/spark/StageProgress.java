package dev.scs.batch.spark;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Prints how far a long Spark run is: the running stage and its finished tasks, at most every
 * couple of seconds, so that a run over millions of events is visibly alive.
 */
public final class StageProgress extends SparkListener {
  private static final long INTERVAL_MILLIS = 2_000;

  private final PrintStream out;
  private final String label;
  private final Map<Integer, int[]> tasksByStage = new ConcurrentHashMap<>();
  private final Map<Integer, String> namesByStage = new ConcurrentHashMap<>();
  private final AtomicInteger stagesDone = new AtomicInteger();
  private volatile long lastPrinted;

  public StageProgress(PrintStream out, String label) {
    this.out = out;
    this.label = label;
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
    int stage = submitted.stageInfo().stageId();
    tasksByStage.put(stage, new int[] {0, submitted.stageInfo().numTasks()});
    namesByStage.put(stage, submitted.stageInfo().name().split(" at ")[0]);
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    int[] tasks = tasksByStage.get(taskEnd.stageId());
    if (tasks == null) {
      return;
    }
    synchronized (tasks) {
      tasks[0]++;
    }
    long now = System.currentTimeMillis();
    if (now - lastPrinted >= INTERVAL_MILLIS) {
      lastPrinted = now;
      out.printf(
          "[%s] stage %d (%s): %d/%d tasks, %d stages done%n",
          label,
          taskEnd.stageId(),
          namesByStage.getOrDefault(taskEnd.stageId(), "?"),
          tasks[0],
          tasks[1],
          stagesDone.get());
    }
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted completed) {
    stagesDone.incrementAndGet();
    tasksByStage.remove(completed.stageInfo().stageId());
    namesByStage.remove(completed.stageInfo().stageId());
  }
}
