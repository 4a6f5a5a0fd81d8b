package dev.scs.batch.cli;

import dev.scs.scoring.time.Instants;
import dev.scs.stores.commandline.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The values of the batch layer's options that picocli cannot check by type: instants and files.
 * Each refusal is a {@link BadInputException} naming the option: one line, exit code 2.
 */
public final class OptionValues {
  private OptionValues() {}

  /** An RFC 3339 instant option in UTC epoch milliseconds, e.g. {@code --as-of}. */
  public static long instant(String text, String option) {
    try {
      return Instants.parseOrThrow(text, option);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
  }

  /** Refuses an option's file when it is not a regular file. */
  public static void requireFile(Path path, String option) {
    if (!Files.isRegularFile(path)) {
      throw new BadInputException(option + " " + path + ": no such file");
    }
  }

  /** The text of an option's file (UTF-8). */
  public static String read(Path path, String option) {
    requireFile(path, option);
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadInputException(option + " " + path + ": " + e.getMessage(), e);
    }
  }
}
