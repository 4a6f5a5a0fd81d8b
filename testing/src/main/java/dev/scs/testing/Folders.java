package dev.scs.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Folders that tests and benchmarks create and must leave behind clean. */
public final class Folders {
  private Folders() {}

  /**
   * Deletes the folder and everything in it, deepest first; nothing if it is absent. Best effort: a
   * file that cannot be deleted stays, so cleaning up never hides the outcome of what ran before.
   */
  public static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
