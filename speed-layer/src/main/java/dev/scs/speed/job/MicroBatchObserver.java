package dev.scs.speed.job;

import dev.scs.speed.scoring.MicroBatchOutcome;
import java.util.Map;

/** Told about each micro-batch once every sink has written it; metrics listen here. */
public interface MicroBatchObserver {
  /**
   * @param replayed true when Spark re-ran a micro-batch whose inputs were journaled
   * @param rulesRefused how many distinct rule or config texts were refused so far
   * @param millisByStep how long each step took: {@code read} (Spark reading the records from the
   *     topic to the driver), {@code lookups} (asking the stores for rules, citizens, claims and
   *     state; 0 for a re-run, which reads its journal), {@code score} (scoring and journaling),
   *     then each sink by name, in the order they ran; a sink that had written the batch before is
   *     missing
   */
  void onWritten(
      MicroBatchOutcome outcome,
      boolean replayed,
      long rulesRefused,
      Map<String, Long> millisByStep);
}
