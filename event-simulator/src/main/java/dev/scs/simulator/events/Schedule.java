package dev.scs.simulator.events;

/** When the events of a run occur: ascending instants, one per event. */
interface Schedule {
  boolean hasNext();

  /** The occurred_at of the next event, in epoch milliseconds. */
  long next();
}
