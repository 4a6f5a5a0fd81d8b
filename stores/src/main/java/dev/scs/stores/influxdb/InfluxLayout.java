package dev.scs.stores.influxdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scs.schemas.ContractFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;

/** The buckets of {@code schemas/influxdb/layout.json}, with their retentions. */
public final class InfluxLayout {
  // A database name InfluxQL takes unquoted, so statements need no escaping.
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

  private final List<InfluxBucket> buckets;

  private InfluxLayout(List<InfluxBucket> buckets) {
    this.buckets = List.copyOf(buckets);
  }

  public static InfluxLayout fromContract() {
    return parse(ContractFile.INFLUXDB_LAYOUT.read());
  }

  static InfluxLayout parse(String json) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("the InfluxDB layout is not JSON", e);
    }
    List<InfluxBucket> buckets = new ArrayList<>();
    for (JsonNode bucket : root.path("buckets")) {
      String name = bucket.path("name").asText();
      String retention = bucket.path("retention").asText();
      buckets.add(new InfluxBucket(requireValidName(name), retention(name, retention)));
    }
    if (buckets.isEmpty()) {
      throw new IllegalArgumentException("the InfluxDB layout names no buckets");
    }
    return new InfluxLayout(buckets);
  }

  public List<InfluxBucket> buckets() {
    return buckets;
  }

  public InfluxBucket bucket(String name) {
    return buckets.stream()
        .filter(bucket -> bucket.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("the InfluxDB layout has no bucket " + name));
  }

  /** The same buckets with a suffix on every name, so that tests never touch the real ones. */
  public InfluxLayout withSuffix(String suffix) {
    return new InfluxLayout(
        buckets.stream()
            .map(
                bucket ->
                    new InfluxBucket(requireValidName(bucket.name() + suffix), bucket.retention()))
            .toList());
  }

  private static String requireValidName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "InfluxDB bucket names must be 1-64 of [A-Za-z0-9_], not starting with a digit: \""
              + name
              + "\"");
    }
    return name;
  }

  private static Duration retention(String bucket, String text) {
    try {
      Duration retention = Duration.parse(text);
      if (retention.isNegative() || retention.isZero() || retention.toSeconds() % 3600 != 0) {
        throw new IllegalArgumentException(
            "the retention of bucket " + bucket + " must be a positive whole number of hours");
      }
      return retention;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "the retention of bucket " + bucket + " is not an ISO-8601 duration: " + text, e);
    }
  }
}
