package dev.scs.serving.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Score lookups at fixed request rates (open loop), for bench/serving-load.sh: requests start on a
 * fixed schedule whatever the answers do, and each latency is measured from the request's scheduled
 * start, so a stall counts against every request it delays (no coordinated omission).
 *
 * <p>Usage: {@code ScoreLoadGenerator BASE_URL SECONDS WARMUP_SECONDS RATE...}: a warm-up at the
 * highest rate, then for each rate a warm-up and a measured run. The citizens are the leaderboard's
 * top 1000 of the running server, asked round-robin.
 */
public final class ScoreLoadGenerator {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ScoreLoadGenerator() {}

  public static void main(String[] arguments) throws Exception {
    String base = arguments[0];
    int seconds = Integer.parseInt(arguments[1]);
    int warmup = Integer.parseInt(arguments[2]);
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4))
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    List<URI> targets = targets(http, base);
    System.out.printf(
        Locale.ROOT,
        "%d citizens; %d s per rate after %d s warm-up%n",
        targets.size(),
        seconds,
        warmup);
    System.out.println(
        "rate_target  achieved_per_s  ok  errors  p50_ms  p90_ms  p99_ms  p999_ms  max_ms");
    for (int i = 3; i < arguments.length; i++) {
      int rate = Integer.parseInt(arguments[i]);
      run(http, targets, rate, warmup);
      Result result = run(http, targets, rate, seconds);
      System.out.println(result.line(rate));
    }
    System.exit(0);
  }

  private static List<URI> targets(HttpClient http, String base) throws Exception {
    HttpResponse<String> board =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/leaderboard?limit=1000")).build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode entries = MAPPER.readTree(board.body()).path("entries");
    List<URI> targets = new ArrayList<>();
    for (JsonNode entry : entries) {
      targets.add(
          URI.create(base + "/api/v1/citizens/" + entry.get("citizen_id").asText() + "/score"));
    }
    if (targets.isEmpty()) {
      throw new IllegalStateException(
          "the leaderboard at " + base + " is empty: seed the stack and run a batch first");
    }
    return targets;
  }

  record Result(long sent, long ok, long errors, double seconds, long[] micros) {
    String line(int rate) {
      Arrays.sort(micros);
      return String.format(
          Locale.ROOT,
          "%11d  %14.0f  %6d  %6d  %6.2f  %6.2f  %6.2f  %7.2f  %6.1f",
          rate,
          ok / seconds,
          ok,
          errors,
          percentile(0.50),
          percentile(0.90),
          percentile(0.99),
          percentile(0.999),
          micros.length == 0 ? 0 : micros[micros.length - 1] / 1000.0);
    }

    double percentile(double p) {
      if (micros.length == 0) {
        return 0;
      }
      int index = (int) Math.min(micros.length - 1, Math.ceil(p * micros.length) - 1);
      return micros[Math.max(0, index)] / 1000.0;
    }
  }

  private static Result run(HttpClient http, List<URI> targets, int rate, int seconds)
      throws InterruptedException {
    int total = rate * seconds;
    long[] micros = new long[total];
    AtomicLong ok = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    CountDownLatch done = new CountDownLatch(total);
    long intervalNanos = 1_000_000_000L / rate;
    long start = System.nanoTime();
    for (int i = 0; i < total; i++) {
      long scheduled = start + i * intervalNanos;
      long wait = scheduled - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      int index = i;
      HttpRequest request =
          HttpRequest.newBuilder(targets.get(i % targets.size()))
              .timeout(Duration.ofSeconds(10))
              .build();
      http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
          .whenComplete(
              (response, failure) -> {
                micros[index] = (System.nanoTime() - scheduled) / 1000;
                if (failure == null && response.statusCode() == 200) {
                  ok.incrementAndGet();
                } else {
                  errors.incrementAndGet();
                }
                done.countDown();
              });
    }
    done.await(60, TimeUnit.SECONDS);
    double elapsed = (System.nanoTime() - start) / 1e9;
    return new Result(total, ok.get(), errors.get(), elapsed, micros);
  }
}
