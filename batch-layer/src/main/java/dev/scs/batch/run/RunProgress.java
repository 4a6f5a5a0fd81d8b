package dev.scs.batch.run;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Times the steps of a run and prints one line per step as it ends, so that a long run shows where
 * it is and the summary can split the time into read, replay and write.
 */
public final class RunProgress {
  private final PrintStream out;
  private final String label;
  private final Map<String, Long> millisByStep = new LinkedHashMap<>();

  public RunProgress(PrintStream out, String label) {
    this.out = out;
    this.label = label;
  }

  public <T> T step(String name, Supplier<T> work) {
    long started = System.nanoTime();
    T result = work.get();
    long millis = (System.nanoTime() - started) / 1_000_000;
    millisByStep.merge(name, millis, Long::sum);
    out.printf("[%s] %-28s %7.1f s%n", label, name, millis / 1000.0);
    out.flush();
    return result;
  }

  public void step(String name, Runnable work) {
    step(
        name,
        () -> {
          work.run();
          return null;
        });
  }

  public void say(String text) {
    out.printf("[%s] %s%n", label, text);
    out.flush();
  }

  /** Milliseconds per step, in the order the steps first ran. */
  public Map<String, Long> millisByStep() {
    return new LinkedHashMap<>(millisByStep);
  }
}
