package dev.scs.endtoend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code ./scs} from the checkout's root, the way a user does, with its output kept in a log
 * file under {@code target/end-to-end/}. The jars are taken as built ({@code SCS_SKIP_BUILD=1}):
 * Maven built every module before this one. Settings for the commands (stores, topics, ports) go in
 * {@code SCS_JAVA_OPTS}, as a user gives them.
 */
final class ProjectCommand {
  private final Path root;
  private final Path logs;
  private final String javaOptions;

  ProjectCommand(Path root, Path logs) {
    this(root, logs, "");
  }

  /**
   * @param javaOptions {@code -Dkey=value ...} passed to every command in {@code SCS_JAVA_OPTS}
   */
  ProjectCommand(Path root, Path logs, String javaOptions) {
    this.root = root;
    this.logs = logs;
    this.javaOptions = javaOptions;
  }

  /** The checkout's root: the parent of this module's directory, where {@code scs} lives. */
  static Path checkoutRoot() {
    Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
    if (!Files.isRegularFile(root.resolve("scs"))) {
      throw new IllegalStateException("no ./scs in " + root + ": run this test from the checkout");
    }
    return root;
  }

  Path root() {
    return root;
  }

  /**
   * Runs {@code ./scs ARGS...}, waiting at most {@code timeoutMinutes}; fails with the end of its
   * output when it exits non-zero or takes too long.
   */
  void run(String logName, long timeoutMinutes, String... args)
      throws IOException, InterruptedException {
    Path log = logs.resolve(logName + ".log");
    Process process = start(logName, args);
    if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      throw new AssertionError(
          "./scs "
              + String.join(" ", args)
              + " took over "
              + timeoutMinutes
              + " min\n"
              + tail(log));
    }
    if (process.exitValue() != 0) {
      throw new AssertionError(
          "./scs "
              + String.join(" ", args)
              + " exited with "
              + process.exitValue()
              + "\n"
              + tail(log));
    }
  }

  /**
   * Starts {@code ./scs ARGS...} in the background (a job such as {@code speed} or {@code serve}),
   * its output in {@code LOG_NAME.log}; {@link #stop(Process)} ends it.
   */
  Process start(String logName, String... args) throws IOException {
    Files.createDirectories(logs);
    List<String> command = new ArrayList<>();
    command.add(root.resolve("scs").toString());
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(logs.resolve(logName + ".log").toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    Map<String, String> environment = builder.environment();
    environment.put("SCS_SKIP_BUILD", "1");
    if (!javaOptions.isEmpty()) {
      environment.put("SCS_JAVA_OPTS", javaOptions);
    }
    return builder.start();
  }

  /** Ends a background job and whatever it started, and waits for it. */
  static void stop(Process process) throws InterruptedException {
    if (process == null) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** The last lines of a job's log, for a failure message. */
  String logTail(String logName) throws IOException {
    return tail(logs.resolve(logName + ".log"));
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()))
        + "\n(whole output: "
        + log
        + ")";
  }
}
