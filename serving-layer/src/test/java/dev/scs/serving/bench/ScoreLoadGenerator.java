package dev.scs.serving.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Projections;
import dev.scs.stores.StoreSettings;
import dev.scs.stores.mongodb.CitizenStore;
import dev.scs.stores.mongodb.MongoConnections;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.bson.Document;

/**
 * Score lookups at fixed request rates, open loop, for bench/serving-load.sh.
 *
 * <p>Usage: {@code ScoreLoadGenerator BASE_URL SECONDS WARMUP_SECONDS RATE...}: a warm-up of
 * WARMUP_SECONDS at the highest rate, then for each rate a warm-up of WARMUP_SECONDS and a measured
 * run of SECONDS. System properties: {@code bench.connections} (persistent connections, default
 * 16), {@code bench.cpu-pids} ({@code name:pid,...}: processes whose CPU time per request is
 * reported, e.g. the server and Cassandra), and the store keys of {@link StoreSettings} ({@code
 * mongodb.uri}, {@code mongodb.database}).
 *
 * <p>How it measures ({@link OpenLoopRun}): requests are issued on a fixed schedule (request i at
 * start + i / rate) over a fixed set of keep-alive HTTP/1.1 connections, whatever the answers do;
 * each latency runs from the request's scheduled start to the last byte of its answer, so a stall
 * counts against every request it delays (no coordinated omission). Two threads and plain NIO, so
 * the generator takes little of the CPU the server needs (its CPU per request is printed).
 *
 * <p>Which citizens: every citizen of MongoDB's {@code citizens} collection (the seeded world,
 * including citizens without any firing), each request picking one uniformly at random with a fixed
 * seed. A uniform spread over the whole population is the hardest case for caches; the
 * leaderboard's top 1000 would not be.
 */
public final class ScoreLoadGenerator {
  private static final long SEED = 20261126L;

  private ScoreLoadGenerator() {}

  public static void main(String[] arguments) throws Exception {
    if (arguments.length < 4) {
      System.err.println(
          "usage: ScoreLoadGenerator BASE_URL SECONDS WARMUP_SECONDS RATE... (see the javadoc)");
      System.exit(2);
    }
    URI base = URI.create(arguments[0]);
    int seconds = Integer.parseInt(arguments[1]);
    int warmup = Integer.parseInt(arguments[2]);
    int connections = Integer.getInteger("bench.connections", 16);
    ProcessCpu cpu = new ProcessCpu(ProcessCpu.parse(System.getProperty("bench.cpu-pids")));

    List<String> citizens = citizenIds(StoreSettings.fromSystemProperties());
    if (citizens.isEmpty()) {
      throw new IllegalStateException("MongoDB holds no citizens: seed the stack first");
    }
    byte[][] requests = new byte[citizens.size()][];
    String host = base.getHost() + ":" + base.getPort();
    for (int i = 0; i < requests.length; i++) {
      requests[i] =
          ("GET /api/v1/citizens/"
                  + citizens.get(i)
                  + "/score HTTP/1.1\r\nHost: "
                  + host
                  + "\r\nAccept: application/json\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII);
    }
    OpenLoopRun run =
        new OpenLoopRun(
            new InetSocketAddress(base.getHost(), base.getPort()), requests, connections);
    SplittableRandom random = new SplittableRandom(SEED);

    System.out.printf(
        Locale.ROOT,
        "%d citizens (all of MongoDB's citizens, uniformly at random); %d keep-alive connections;"
            + " %d s per rate after %d s warm-up%n",
        citizens.size(),
        connections,
        seconds,
        warmup);
    StringBuilder header =
        new StringBuilder(
            "rate_target  achieved_per_s      ok  errors  p50_ms  p90_ms  p99_ms  p999_ms  max_ms");
    for (String name : cpu.names()) {
      header.append(String.format(Locale.ROOT, "  %s", cpuColumn(name)));
    }
    // What each process spends with no load at all (the live feed's polling, Cassandra's own
    // housekeeping, other users of the machine), subtracted from the runs' CPU per request.
    int idleSeconds = Integer.getInteger("bench.idle-seconds", 5);
    double[] idleBefore = cpu.sample();
    Thread.sleep(idleSeconds * 1000L);
    double[] idlePerSecond = cpu.sample();
    for (int i = 0; i < idlePerSecond.length; i++) {
      idlePerSecond[i] = (idlePerSecond[i] - idleBefore[i]) / idleSeconds;
    }
    StringBuilder idle = new StringBuilder("# idle CPU before the runs, ms per second:");
    List<String> names = cpu.names();
    for (int i = 0; i < names.size(); i++) {
      idle.append(String.format(Locale.ROOT, " %s %.1f", names.get(i), 1000 * idlePerSecond[i]));
    }
    System.out.println(idle);
    System.out.println(header);
    // The server's JIT compiles the hot path during the first seconds of load: warm it up at the
    // highest rate before any measurement, then again at each rate.
    int highest = 0;
    for (int a = 3; a < arguments.length; a++) {
      highest = Math.max(highest, Integer.parseInt(arguments[a]));
    }
    warmUp(run, highest, targets(random, requests.length, highest * warmup));
    for (int a = 3; a < arguments.length; a++) {
      int rate = Integer.parseInt(arguments[a]);
      warmUp(run, rate, targets(random, requests.length, rate * warmup));
      double[] before = cpu.sample();
      OpenLoopRun.Outcome outcome = run.run(rate, targets(random, requests.length, rate * seconds));
      double[] after = cpu.sample();
      System.out.println(line(rate, outcome, before, after, idlePerSecond, names));
    }
    System.out.println(
        "# cpu_*_ms: CPU milliseconds per request of each process during the measured run, net of"
            + " its idle CPU; cpu_machine_pct: busy share of all cores (anything else running"
            + " counts)");
  }

  /** A run whose numbers are not kept; said in one line, so a struggling warm-up is visible. */
  private static void warmUp(OpenLoopRun run, int rate, int[] targets) throws Exception {
    OpenLoopRun.Outcome outcome = run.run(rate, targets);
    long[] nanos = outcome.latencyNanos().clone();
    Arrays.sort(nanos);
    System.out.printf(
        Locale.ROOT,
        "# warm-up at %d/s: %d ok, %d errors or unanswered, p99 %.2f ms%n",
        rate,
        outcome.ok(),
        outcome.errors(),
        percentile(nanos, 0.99));
  }

  private static String cpuColumn(String name) {
    return name.equals("machine") ? "cpu_machine_pct" : "cpu_" + name + "_ms";
  }

  private static int[] targets(SplittableRandom random, int citizens, int count) {
    int[] targets = new int[Math.max(1, count)];
    for (int i = 0; i < targets.length; i++) {
      targets[i] = random.nextInt(citizens);
    }
    return targets;
  }

  private static List<String> citizenIds(StoreSettings stores) {
    List<String> ids = new ArrayList<>();
    try (MongoClient mongo = MongoConnections.open(stores)) {
      for (Document citizen :
          MongoConnections.database(mongo, stores)
              .getCollection(CitizenStore.COLLECTION)
              .find()
              .projection(Projections.include("_id"))) {
        ids.add(citizen.getString("_id"));
      }
    }
    ids.sort(null);
    return ids;
  }

  private static String line(
      int rate,
      OpenLoopRun.Outcome outcome,
      double[] before,
      double[] after,
      double[] idlePerSecond,
      List<String> names) {
    long[] nanos = outcome.latencyNanos().clone();
    Arrays.sort(nanos);
    StringBuilder line =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%11d  %14.0f  %6d  %6d  %6.2f  %6.2f  %6.2f  %7.2f  %6.1f",
                rate,
                outcome.ok() / outcome.seconds(),
                outcome.ok(),
                outcome.errors(),
                percentile(nanos, 0.50),
                percentile(nanos, 0.90),
                percentile(nanos, 0.99),
                percentile(nanos, 0.999),
                nanos[nanos.length - 1] / 1e6));
    long requests = nanos.length;
    for (int i = 0; i < names.size(); i++) {
      double used = after[i] - before[i];
      double value =
          names.get(i).equals("machine")
              ? 100 * used / (outcome.seconds() * Runtime.getRuntime().availableProcessors())
              : 1000 * (used - idlePerSecond[i] * outcome.seconds()) / requests;
      String column = cpuColumn(names.get(i));
      line.append(String.format(Locale.ROOT, "  %" + column.length() + ".3f", value));
    }
    return line.toString();
  }

  private static double percentile(long[] sorted, double p) {
    int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }
}
