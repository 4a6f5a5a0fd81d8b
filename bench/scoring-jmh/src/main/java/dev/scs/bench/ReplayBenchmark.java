package dev.scs.bench;

import dev.scs.scoring.config.ScoringConfig;
import dev.scs.scoring.config.ScoringConfigParser;
import dev.scs.scoring.engine.Firing;
import dev.scs.scoring.engine.FiringEngine;
import dev.scs.scoring.engine.RuleState;
import dev.scs.scoring.event.CitizenRegistry;
import dev.scs.scoring.event.Event;
import dev.scs.scoring.event.EventValidator;
import dev.scs.scoring.event.EventVerdict;
import dev.scs.scoring.rules.RuleSet;
import dev.scs.scoring.rules.RuleSetParser;
import dev.scs.scoring.view.LedgerScore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Per-event cost of scoring-core on one thread: the canonical replay of parsed events (the goal: at
 * least a million events per second per core), and, for comparison, validating the JSON text.
 *
 * <p>The events are a synthetic citizen's year: {@value #EVENTS} events over the public vector rule
 * set, already in canonical order, as the batch layer hands them over after its sort.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g"})
public class ReplayBenchmark {
  static final int EVENTS = 10_000;
  private static final long START = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
  private static final String[] TEMPLATES = {
    "\"type\":\"payment.on_time\",\"payload\":{\"amount\":120.5,\"currency\":\"EUR\"}",
    "\"type\":\"payment.late\",\"payload\":{\"amount\":4701,\"currency\":\"EUR\",\"days_late\":9}",
    "\"type\":\"traffic.violation\",\"payload\":{\"severity\":\"major\",\"speed_over_kmh\":45}",
    "\"type\":\"traffic.violation\",\"payload\":{\"severity\":\"minor\"}",
    "\"type\":\"volunteer.shift\",\"payload\":{\"hours\":4.5,\"organization\":\"Food bank\"}",
    "\"type\":\"donation.made\",\"payload\":{\"amount\":250,\"currency\":\"EUR\",\"charity\":\"x\"}",
    "\"type\":\"tax.filed\",\"payload\":{\"on_time\":true}",
    "\"type\":\"education.course_completed\",\"payload\":{\"course\":\"x\",\"credits\":15}",
    "\"type\":\"social.tie_added\",\"payload\":{\"other_citizen_id\":\"c-2\",\"relation\":\"family\"}",
  };

  private RuleSet rules;
  private ScoringConfig config;
  private List<Event> events;
  private List<String> lines;
  private EventValidator validator;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    rules = RuleSetParser.parse(resource("vectors/public-1/rules.json"));
    config = ScoringConfigParser.parse(resource("vectors/public-1/config.json"));
    validator = new EventValidator(config.maxFutureSkewMillis(), CitizenRegistry.ANYONE);
    Random random = new Random(42);
    lines = new ArrayList<>();
    events = new ArrayList<>();
    long time = START;
    for (int i = 0; i < EVENTS; i++) {
      time += random.nextInt(3_600_000);
      String line =
          "{\"event_id\":\"e-"
              + i
              + "\",\"citizen_id\":\"c-1\",\"occurred_at\":\""
              + java.time.Instant.ofEpochMilli(time)
              + "\",\"source\":\"bench\",\"schema_version\":1,"
              + TEMPLATES[random.nextInt(TEMPLATES.length)]
              + "}";
      lines.add(line);
      events.add(((EventVerdict.Accepted) validator.validate(line, Long.MAX_VALUE / 4)).event());
    }
  }

  /** Firings, decay and the score for one citizen's events already in canonical order. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void replayParsedEvents(Blackhole blackhole) {
    FiringEngine engine = new FiringEngine(rules, config);
    RuleState state = RuleState.empty();
    List<Firing> ledger = new ArrayList<>();
    for (Event event : events) {
      engine.apply(event, state, ledger::add);
    }
    blackhole.consume(LedgerScore.rawAt(ledger, START + 400L * 86_400_000L));
  }

  /** Parsing and validating the JSON text of each event: the other per-event cost. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void validateJsonLines(Blackhole blackhole) {
    for (String line : lines) {
      blackhole.consume(validator.validate(line, Long.MAX_VALUE / 4));
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream stream = ReplayBenchmark.class.getClassLoader().getResourceAsStream(name)) {
      if (stream == null) {
        throw new IOException("missing resource " + name);
      }
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
