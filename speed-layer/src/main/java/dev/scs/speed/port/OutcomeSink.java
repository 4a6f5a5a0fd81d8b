package dev.scs.speed.port;

import dev.scs.speed.scoring.MicroBatchOutcome;

/**
 * One store the outcome of a micro-batch goes to. Spark replays a micro-batch whose commit it did
 * not record, so {@link #write} must be idempotent: writing the same outcome again leaves the store
 * as it was (rows keyed by ids the outcome determines, absolute values rather than increments). A
 * sink that can only append (a Kafka topic) keys its records deterministically, so that readers can
 * tell a repeat, and says so on its class.
 */
public interface OutcomeSink {
  /** A stable name: it keys the sink's progress in the checkpoint. */
  String name();

  void write(MicroBatchOutcome outcome);
}
