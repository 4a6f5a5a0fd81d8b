package dev.scs.speed.job;

import dev.scs.speed.port.CitizenDirectory;
import dev.scs.speed.port.CitizenStateStore;
import dev.scs.speed.port.EventIdClaims;
import dev.scs.speed.port.OutcomeSink;
import dev.scs.speed.port.RuleSource;
import dev.scs.speed.port.SpeedProgressStore;
import java.util.List;
import java.util.Set;

/**
 * The stores the job reads and writes. {@code main} plugs in the real ones; tests plug in in-memory
 * ones. The sinks are written in parallel; metrics list them in this order.
 */
public record SpeedLayerPorts(
    RuleSource rules,
    CitizenDirectory citizens,
    EventIdClaims claims,
    CitizenStateStore states,
    SpeedProgressStore progress,
    List<OutcomeSink> sinks) {

  public SpeedLayerPorts {
    sinks = List.copyOf(sinks);
  }

  /** The same ports without the named sinks (benchmarks measure what one sink costs). */
  public SpeedLayerPorts withoutSinks(Set<String> names) {
    return new SpeedLayerPorts(
        rules,
        citizens,
        claims,
        states,
        progress,
        sinks.stream().filter(sink -> !names.contains(sink.name())).toList());
  }
}
