package dev.scs.endtoend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code ./scs} from the checkout's root, the way a user does, with its output kept in a log
 * file under {@code target/end-to-end/}. The jars are taken as built ({@code SCS_SKIP_BUILD=1}):
 * Maven built every module before this one.
 */
final class ProjectCommand {
  private final Path root;
  private final Path logs;

  ProjectCommand(Path root, Path logs) {
    this.root = root;
    this.logs = logs;
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
    Files.createDirectories(logs);
    Path log = logs.resolve(logName + ".log");
    List<String> command = new ArrayList<>();
    command.add(root.resolve("scs").toString());
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    builder.environment().put("SCS_SKIP_BUILD", "1");
    Process process = builder.start();
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

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()))
        + "\n(whole output: "
        + log
        + ")";
  }
}
