package dev.scs.speed;

import dev.scs.testing.Folders;
import dev.scs.testing.LocalStackAddresses;
import dev.scs.testing.ScoringVectors;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;

/**
 * The speed layer's benchmark (bench/speed-throughput.sh runs it): the real job with every sink on,
 * against an isolated copy of the local stack's stores, fed by a producer in the same JVM.
 *
 * <p>Arguments: {@code backlog=N} drains N events produced before the stream starts (the
 * sustainable throughput); {@code rate=R} produces R events per second for {@code -Dbench.seconds}
 * seconds (default 60) after a warm-up of {@code -Dbench.warm-up-seconds} (default 30) at the same
 * rate, and reports the latency from produce to visible in every store; {@code warm-up=R} is the
 * same run, marked as not a result, for a JVM and stores that have just started. Each row ends with
 * the CPU each process used per event ({@link ProcessCpu}). The warm-up matters: in a fresh JVM
 * Spark's and the scorer's code is still being compiled, and a 10 s warm-up left the p99 at 5 000/s
 * at 7-8.5 s where a warm JVM gave 3.1-3.7 s. {@code -Dbench.citizens} (default 10 000) citizens. A
 * speed-layer setting given as a system property ({@code -Dspeed.mongodb-concurrent-commands=2})
 * applies to every run.
 */
public final class SpeedLayerBenchmark {
  private static final String MEASURED = "m-";
  private static final int CORES = Runtime.getRuntime().availableProcessors();

  private final LocalStackAddresses addresses = LocalStackAddresses.fromSystemProperties();
  private final int citizens = Integer.getInteger("bench.citizens", 10_000);
  private final int seconds = Integer.getInteger("bench.seconds", 60);
  private final int warmUpSeconds = Integer.getInteger("bench.warm-up-seconds", 30);
  private final String maxOffsets = System.getProperty("bench.max-offsets-per-trigger", "50000");
  private final Set<String> skippedSinks =
      Set.of(System.getProperty("bench.skip-sinks", "").split(",")).stream()
          .filter(name -> !name.isBlank())
          .collect(Collectors.toSet());
  private final Path workFolder;
  private final SparkSession spark = SparkSessions.forStreaming();

  private SpeedLayerBenchmark(Path workFolder) {
    this.workFolder = workFolder;
  }

  public static void main(String[] arguments) throws Exception {
    SpeedLayerBenchmark benchmark =
        new SpeedLayerBenchmark(Files.createTempDirectory("speed-layer-bench"));
    List<String> rows = new ArrayList<>();
    try {
      for (String run : arguments) {
        String[] parts = run.split("=", 2);
        long value = Long.parseLong(parts[1]);
        String row =
            switch (parts[0]) {
              case "backlog" -> benchmark.drain(value);
              case "rate" -> benchmark.atRate((int) value);
              case "warm-up" -> "| warm-up, not a result " + benchmark.atRate((int) value);
              default ->
                  throw new IllegalArgumentException(
                      "unknown run " + run + ": expected backlog=N, rate=R or warm-up=R");
            };
        System.out.println(row);
        rows.add(row);
      }
    } finally {
      // checkpoints and journals: hundreds of megabytes after a few runs
      Folders.deleteRecursively(benchmark.workFolder);
    }
    System.out.println();
    rows.forEach(System.out::println);
    System.exit(0);
  }

  /** N events waiting in the topic, then the stream: how fast it drains them. */
  private String drain(long events) throws Exception {
    try (IsolatedStack stack = seededStack()) {
      try (KafkaProducer<byte[], byte[]> producer = VectorsOnLocalStack.producer(stack.config)) {
        BenchmarkEvents generator = new BenchmarkEvents(1, citizens, MEASURED);
        for (long number = 0; number < events; number++) {
          send(producer, stack, generator, number);
        }
      }
      LatencyRecorder recorder = new LatencyRecorder(MEASURED);
      ProcessCpu.Snapshot cpuBefore = ProcessCpu.take();
      long started = System.currentTimeMillis();
      try (SpeedLayerStores stores = SpeedLayerStores.open(stack.config);
          KafkaSpeedLayer speedLayer =
              new KafkaSpeedLayer(
                  spark,
                  stack.config,
                  stores,
                  stores.ports(Clock.systemUTC()).withoutSinks(skippedSinks),
                  false,
                  List.of(recorder))) {
        StreamingQuery query = speedLayer.start();
        awaitAll(recorder, events, query);
        query.stop();
      }
      String cpu = ProcessCpu.perEvent(cpuBefore, ProcessCpu.take(), events, CORES);
      double perSecond = events * 1000.0 / (recorder.lastWrittenAt() - started);
      return String.format(
          Locale.ROOT,
          "| backlog of %d events | %.0f events/s drained (%.1f s, Spark start included) | %d"
              + " rejects | %s | %s |",
          events,
          perSecond,
          (recorder.lastWrittenAt() - started) / 1000.0,
          recorder.rejects(),
          recorder.meanMillisByStep(),
          cpu);
    }
  }

  /** Events produced at a steady rate while the stream runs: latency to visible everywhere. */
  private String atRate(int rate) throws Exception {
    try (IsolatedStack stack = seededStack()) {
      LatencyRecorder recorder = new LatencyRecorder(MEASURED);
      try (SpeedLayerStores stores = SpeedLayerStores.open(stack.config);
          KafkaSpeedLayer speedLayer =
              new KafkaSpeedLayer(
                  spark,
                  stack.config,
                  stores,
                  stores.ports(Clock.systemUTC()).withoutSinks(skippedSinks),
                  false,
                  List.of(recorder));
          KafkaProducer<byte[], byte[]> producer = VectorsOnLocalStack.producer(stack.config)) {
        StreamingQuery query = speedLayer.start();
        produceAtRate(producer, stack, new BenchmarkEvents(2, citizens, "w-"), rate, warmUpSeconds);
        ProcessCpu.Snapshot cpuBefore = ProcessCpu.take();
        long started = System.currentTimeMillis();
        long produced =
            produceAtRate(
                producer, stack, new BenchmarkEvents(3, citizens, MEASURED), rate, seconds);
        long producedFor = System.currentTimeMillis() - started;
        awaitAll(recorder, produced, query);
        String cpu = ProcessCpu.perEvent(cpuBefore, ProcessCpu.take(), produced, CORES);
        query.stop();
        return String.format(
            Locale.ROOT,
            "| %d events/s for %d s | %.0f produced/s | p50 %d ms | p99 %d ms | max %d ms |"
                + " last written %.1f s after the last send | %d rejects | %s | %s |",
            rate,
            seconds,
            produced * 1000.0 / producedFor,
            recorder.percentile(50),
            recorder.percentile(99),
            recorder.percentile(100),
            (recorder.lastWrittenAt() - started - producedFor) / 1000.0,
            recorder.rejects(),
            recorder.meanMillisByStep(),
            cpu);
      }
    }
  }

  private long produceAtRate(
      KafkaProducer<byte[], byte[]> producer,
      IsolatedStack stack,
      BenchmarkEvents generator,
      int rate,
      int forSeconds)
      throws InterruptedException {
    long started = System.nanoTime();
    long total = (long) rate * forSeconds;
    long sent = 0;
    while (sent < total) {
      long due = Math.min(total, (System.nanoTime() - started) * rate / 1_000_000_000L + 1);
      while (sent < due) {
        send(producer, stack, generator, sent++);
      }
      Thread.sleep(1);
    }
    producer.flush();
    return total;
  }

  private static void send(
      KafkaProducer<byte[], byte[]> producer,
      IsolatedStack stack,
      BenchmarkEvents generator,
      long number) {
    String citizenId = generator.nextCitizen();
    long now = System.currentTimeMillis();
    producer.send(
        new ProducerRecord<>(
            stack.config.eventsTopic(),
            null,
            now,
            citizenId.getBytes(StandardCharsets.UTF_8),
            generator.event(number, citizenId, now).getBytes(StandardCharsets.UTF_8)));
  }

  private void awaitAll(LatencyRecorder recorder, long events, StreamingQuery query)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + 600_000;
    long nextReport = System.currentTimeMillis() + 5_000;
    while (recorder.accepted() < events && System.currentTimeMillis() < deadline) {
      if (!query.isActive()) {
        throw new IllegalStateException("the stream stopped: " + query.exception());
      }
      if (System.currentTimeMillis() > nextReport) {
        System.err.printf("    %d of %d events written%n", recorder.accepted(), events);
        nextReport += 5_000;
      }
      Thread.sleep(100);
    }
    if (recorder.accepted() < events) {
      throw new IllegalStateException(
          "only " + recorder.accepted() + " of " + events + " events were written in 10 minutes");
    }
  }

  /** The run's settings: max offsets, and any speed-layer key given as -Dkey=value. */
  private Map<String, String> settings() {
    Map<String, String> settings = new java.util.HashMap<>();
    settings.put(SpeedLayerConfig.MAX_OFFSETS_PER_TRIGGER, maxOffsets);
    for (String key : SpeedLayerConfig.keys()) {
      if (System.getProperty(key) != null) {
        settings.put(key, System.getProperty(key));
      }
    }
    return settings;
  }

  private IsolatedStack seededStack() throws Exception {
    IsolatedStack stack =
        new IsolatedStack(
            addresses, workFolder.resolve(String.valueOf(System.nanoTime())), settings());
    ScoringVectors.Case vectors = ScoringVectors.load("public-1");
    List<String> citizenLines = new ArrayList<>(citizens);
    for (int index = 0; index < citizens; index++) {
      citizenLines.add("{\"citizen_id\": \"" + BenchmarkEvents.citizenId(index) + "\"}");
    }
    stack.seed(vectors.rulesJson(), vectors.configJson(), citizenLines);
    return stack;
  }
}
