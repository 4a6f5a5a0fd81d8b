package dev.scs.simulator.output;

/** Where the records of a run go: a topic or a file. Closing waits until every record is stored. */
public interface RecordSink extends AutoCloseable {

  /** Sends one record; {@code key} may be null (a line whose citizen_id cannot be read). */
  void send(String key, String value);

  /** A few words for summaries, e.g. {@code topic citizen-events} or {@code file events.jsonl}. */
  String destination();

  @Override
  void close();
}
