package dev.scs.simulator.commands;

import dev.scs.scoring.time.Instants;
import dev.scs.simulator.SimulatorConfig;
import dev.scs.simulator.events.EventStream;
import dev.scs.simulator.events.FaultPlan;
import dev.scs.simulator.output.JsonLinesFileSink;
import dev.scs.simulator.output.KafkaRecordSink;
import dev.scs.simulator.output.RecordSink;
import dev.scs.simulator.world.World;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Generates events of the synthetic world (personas with a daily cycle, payloads of the",
      "v1 catalogue, a social graph that changes) and sends them to topic citizen-events,",
      "keyed by citizen_id, with an idempotent producer and acks=all, or to a file.",
      "Give --count N, or --rate R with --duration D. Without --backfill the events occur as",
      "they are sent; with it they are spread over the past DAYS days, in time order.",
      "Faults: late, duplicate, malformed, schema_violation, unknown_citizen, future.",
      "",
      "Examples:",
      "  ./scs simulate --rate 200 --duration 10m",
      "  ./scs simulate --backfill 30 --count 1000000 --faults late=0.01,duplicate=0.005",
      "  ./scs simulate --backfill 30 --count 10000000 --citizens 100000 --out events.jsonl",
      ""
    })
public final class SimulateCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private WorldOptions world;

  @Option(names = "--count", paramLabel = "N", description = "How many events to make.")
  private Long count;

  @Option(
      names = "--rate",
      paramLabel = "EVENTS_PER_S",
      description = "Events per second (default: as fast as possible).")
  private Double rate;

  @Option(
      names = "--duration",
      paramLabel = "D",
      description = "How long to send at --rate: 90s, 10m, 2h, 1d, or ISO-8601 (PT10M).")
  private String duration;

  @Option(
      names = "--backfill",
      paramLabel = "DAYS",
      description = "Spread occurred_at over the past DAYS days instead of now.")
  private Integer backfillDays;

  @Option(
      names = "--faults",
      paramLabel = "KIND=FRACTION,...",
      description = "Faults to inject, e.g. late=0.01,duplicate=0.005,malformed=0.001.")
  private String faults;

  @Option(
      names = "--out",
      paramLabel = "FILE.jsonl",
      description = "Write the events to this file instead of the topic.")
  private Path out;

  @Option(
      names = "--now",
      paramLabel = "INSTANT",
      description =
          "Take this RFC 3339 instant as the current time (a backfill then ends there and the"
              + " output is reproducible).")
  private String now;

  @Override
  public Integer call() {
    FaultPlan plan = FaultPlan.parse(faults);
    long events = eventCount();
    Clock clock = clock();
    SimulatorConfig settings = SimulatorConfig.fromSystemProperties();
    if (out == null) {
      EventsTopic.require(settings);
    }
    spec.commandLine()
        .getErr()
        .printf(
            Locale.ROOT,
            "simulate: a world of %,d citizens (seed %d), %,d events, faults: %s%n",
            world.citizens,
            world.seed,
            events,
            plan);
    World synthetic = world.world(settings.citizenIdPrefix());
    EventStream stream =
        backfillDays == null
            ? EventStream.live(synthetic, world.seed, clock, events, plan)
            : EventStream.backfill(
                synthetic, world.seed, clock.millis(), Duration.ofDays(backfillDays), events, plan);
    RecordSink sink =
        out == null
            ? new KafkaRecordSink(settings.stores(), settings.eventsTopic())
            : new JsonLinesFileSink(out);
    SimulationRun run =
        new SimulationRun()
            .send(
                stream,
                sink,
                rate == null ? 0 : rate,
                events,
                "simulate",
                spec.commandLine().getErr());
    spec.commandLine().getOut().println(run.summary("simulate", sink.destination()));
    return 0;
  }

  private long eventCount() {
    if ((count == null) == (duration == null)) {
      throw new IllegalArgumentException(
          "give either --count N, or --rate R with --duration D (e.g. --rate 200 --duration 10m)");
    }
    if (rate != null && !(rate > 0)) {
      throw new IllegalArgumentException("--rate must be a positive number of events per second");
    }
    if (backfillDays != null && backfillDays < 1) {
      throw new IllegalArgumentException("--backfill must be at least 1 day");
    }
    if (count != null) {
      if (count < 1) {
        throw new IllegalArgumentException("--count must be at least 1");
      }
      return count;
    }
    if (rate == null) {
      throw new IllegalArgumentException(
          "--duration needs --rate (events per second), since together they give the count");
    }
    Duration length = DurationText.parse(duration);
    return Math.max(1, Math.round(rate * length.toMillis() / 1000.0));
  }

  /** The system clock, or one that starts at --now and runs at the wall clock's pace. */
  private Clock clock() {
    if (now == null) {
      return Clock.systemUTC();
    }
    OptionalLong start = Instants.parse(now);
    if (start.isEmpty()) {
      throw new IllegalArgumentException("--now '" + now + "' is not an RFC 3339 instant");
    }
    Clock system = Clock.systemUTC();
    return backfillDays != null
        ? Clock.fixed(Instant.ofEpochMilli(start.getAsLong()), ZoneOffset.UTC)
        : Clock.offset(system, Duration.ofMillis(start.getAsLong() - system.millis()));
  }
}
