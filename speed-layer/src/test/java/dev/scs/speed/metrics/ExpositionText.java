package dev.scs.speed.metrics;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of Prometheus' text format, enough for the speed layer's metrics: every sample
 * must follow its family's HELP and TYPE lines, and its value must be a number.
 */
final class ExpositionText {
  private static final Pattern SAMPLE =
      Pattern.compile(
          "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([a-zA-Z_]+)=\"((?:[^\"\\\\]|\\\\.)*)\"\\})? (\\S+)");

  /** name, or name{label="value"}, to the sample's value. */
  final Map<String, Double> samples = new LinkedHashMap<>();

  /** family name to its TYPE (counter, gauge). */
  final Map<String, String> types = new HashMap<>();

  final Map<String, String> helps = new HashMap<>();

  static ExpositionText parse(String text) {
    ExpositionText parsed = new ExpositionText();
    if (!text.isEmpty() && !text.endsWith("\n")) {
      throw new IllegalArgumentException("the text must end with a line feed");
    }
    for (String line : text.split("\n")) {
      if (line.startsWith("# HELP ")) {
        String[] parts = line.substring(7).split(" ", 2);
        parsed.helps.put(parts[0], parts[1]);
      } else if (line.startsWith("# TYPE ")) {
        String[] parts = line.substring(7).split(" ", 2);
        if (!parsed.helps.containsKey(parts[0])) {
          throw new IllegalArgumentException("TYPE before HELP: " + line);
        }
        parsed.types.put(parts[0], parts[1]);
      } else {
        Matcher sample = SAMPLE.matcher(line);
        if (!sample.matches()) {
          throw new IllegalArgumentException("not a sample line: " + line);
        }
        String family = sample.group(1);
        if (!parsed.types.containsKey(family)) {
          throw new IllegalArgumentException("sample without HELP and TYPE: " + line);
        }
        String key =
            sample.group(2) == null
                ? family
                : family + "{" + sample.group(3) + "=\"" + sample.group(4) + "\"}";
        if (parsed.samples.put(key, Double.parseDouble(sample.group(5))) != null) {
          throw new IllegalArgumentException("sample repeated: " + line);
        }
      }
    }
    return parsed;
  }
}
