package dev.scs.simulator.commands;

import dev.scs.simulator.events.Fault;
import dev.scs.simulator.events.SimulatedRecord;
import dev.scs.simulator.output.Pacer;
import dev.scs.simulator.output.Progress;
import dev.scs.simulator.output.RecordSink;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/** Sends a stream of records to a sink at a rate, reporting progress; counts what it sent. */
final class SimulationRun {
  private final Map<Fault, Long> faults = new EnumMap<>(Fault.class);
  private long sent;
  private double seconds;

  SimulationRun send(
      Iterator<SimulatedRecord> records,
      RecordSink sink,
      double rate,
      long total,
      String label,
      PrintWriter err) {
    Pacer pacer = new Pacer(rate);
    Progress progress = new Progress(err, label, "events", total);
    try (sink) {
      while (records.hasNext()) {
        SimulatedRecord record = records.next();
        sink.send(record.key(), record.line());
        sent++;
        if (record.fault() != null) {
          faults.merge(record.fault(), 1L, Long::sum);
        }
        if ((sent & 1023) == 0 || rate > 0) {
          pacer.await(sent);
          progress.update(sent);
        }
      }
    }
    seconds = progress.seconds();
    return this;
  }

  String summary(String label, String destination) {
    StringBuilder faultText = new StringBuilder();
    for (Fault fault : Fault.values()) {
      long count = faults.getOrDefault(fault, 0L);
      if (count > 0) {
        faultText.append(faultText.length() == 0 ? "; faults: " : ", ");
        faultText.append(String.format(Locale.ROOT, "%s %,d", fault.optionName(), count));
      }
    }
    return String.format(
        Locale.ROOT,
        "%s: %,d events to %s in %.1f s (%,.0f events/s)%s",
        label,
        sent,
        destination,
        seconds,
        seconds > 0 ? sent / seconds : 0,
        faultText);
  }
}
