package dev.scs.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The public scoring vectors (copied from shared/spec/vectors into this module's resources), for
 * every module's tests: the replay inputs of each case and the results an independent
 * implementation of the contract computed.
 */
public final class ScoringVectors {
  private static final String ROOT = "vectors/";

  private ScoringVectors() {}

  /** The names of every case, such as {@code public-1}. */
  public static List<String> caseNames() {
    return lines(ROOT + "index.txt");
  }

  public static Case load(String name) {
    String folder = ROOT + name + "/";
    return new Case(
        name,
        lines(folder + "events.jsonl"),
        text(folder + "rules.json"),
        text(folder + "config.json"),
        lines(folder + "citizens.jsonl"),
        text(folder + "as_of.txt").trim(),
        lines(folder + "expected-scores.jsonl"),
        lines(folder + "expected-ledger.jsonl"),
        lines(folder + "expected-rejects.jsonl"));
  }

  /** Resource path of one file of a case, for code that wants to read it as a file or stream. */
  public static String resource(String caseName, String fileName) {
    return ROOT + caseName + "/" + fileName;
  }

  /**
   * One case. {@code eventLines} are the lines of events.jsonl exactly as written, malformed ones
   * included; line N of the file is element N - 1.
   */
  public record Case(
      String name,
      List<String> eventLines,
      String rulesJson,
      String configJson,
      List<String> citizenLines,
      String asOf,
      List<String> expectedScoreLines,
      List<String> expectedLedgerLines,
      List<String> expectedRejectLines) {}

  private static List<String> lines(String resource) {
    String text = text(resource);
    List<String> lines = Arrays.asList(text.split("\n", -1));
    // A final newline ends the last line; it does not start an empty one.
    return text.endsWith("\n") ? lines.subList(0, lines.size() - 1) : lines;
  }

  private static String text(String resource) {
    try (InputStream stream = ScoringVectors.class.getClassLoader().getResourceAsStream(resource)) {
      if (stream == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
