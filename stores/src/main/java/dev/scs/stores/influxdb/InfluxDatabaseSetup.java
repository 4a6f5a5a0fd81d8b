package dev.scs.stores.influxdb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scs.stores.StoreSettings;
import dev.scs.stores.setup.SetupStep;
import dev.scs.stores.setup.SetupStep.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates the buckets of the InfluxDB layout on InfluxDB 1.8, one database per bucket with the
 * bucket's retention as its default retention policy, and drops them again. Idempotent: a database
 * that exists keeps its data, and only its retention is brought back to the layout's.
 *
 * <p>InfluxDB 2.x has no {@code CREATE DATABASE}; there the deployment creates the buckets.
 */
public final class InfluxDatabaseSetup {
  private static final String STORE = "influxdb";
  private static final Pattern GO_DURATION =
      Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

  private final InfluxQl influxQl;
  private final InfluxLayout layout;

  public InfluxDatabaseSetup(StoreSettings settings, InfluxLayout layout) {
    this.influxQl = new InfluxQl(settings);
    this.layout = layout;
  }

  public List<SetupStep> apply() {
    Set<String> existing = databases();
    List<SetupStep> steps = new ArrayList<>();
    for (InfluxBucket bucket : layout.buckets()) {
      String item = "database " + bucket.name() + " (retention " + bucket.influxQlDuration() + ")";
      if (!existing.contains(bucket.name())) {
        influxQl.execute(
            "CREATE DATABASE " + bucket.name() + " WITH DURATION " + bucket.influxQlDuration());
        steps.add(SetupStep.of(STORE, item, Outcome.CREATED));
        continue;
      }
      Optional<Duration> current = defaultRetention(bucket.name());
      if (current.isPresent() && current.get().equals(bucket.retention())) {
        steps.add(SetupStep.of(STORE, item, Outcome.UNCHANGED));
      } else {
        influxQl.execute(
            "ALTER RETENTION POLICY autogen ON "
                + bucket.name()
                + " DURATION "
                + bucket.influxQlDuration()
                + " DEFAULT");
        steps.add(
            new SetupStep(
                STORE,
                item,
                Outcome.UPDATED,
                "its retention was " + current.map(Duration::toString).orElse("none")));
      }
    }
    return steps;
  }

  public List<SetupStep> drop() {
    Set<String> existing = databases();
    List<SetupStep> steps = new ArrayList<>();
    for (InfluxBucket bucket : layout.buckets()) {
      String item = "database " + bucket.name();
      if (existing.contains(bucket.name())) {
        influxQl.execute("DROP DATABASE " + bucket.name());
        steps.add(SetupStep.of(STORE, item, Outcome.REMOVED));
      } else {
        steps.add(SetupStep.of(STORE, item, Outcome.ABSENT));
      }
    }
    return steps;
  }

  public Set<String> databases() {
    Set<String> names = new HashSet<>();
    for (JsonNode row : influxQl.execute("SHOW DATABASES").path("series").path(0).path("values")) {
      names.add(row.path(0).asText());
    }
    return names;
  }

  /** The duration of the database's default retention policy; empty when it keeps forever. */
  public Optional<Duration> defaultRetention(String database) {
    JsonNode series = influxQl.execute("SHOW RETENTION POLICIES ON " + database).path("series");
    JsonNode columns = series.path(0).path("columns");
    int durationColumn = indexOf(columns, "duration");
    int defaultColumn = indexOf(columns, "default");
    for (JsonNode row : series.path(0).path("values")) {
      if (row.path(defaultColumn).asBoolean()) {
        Duration duration = parseGoDuration(row.path(durationColumn).asText());
        return duration.isZero() ? Optional.empty() : Optional.of(duration);
      }
    }
    return Optional.empty();
  }

  private static int indexOf(JsonNode columns, String name) {
    for (int index = 0; index < columns.size(); index++) {
      if (name.equals(columns.get(index).asText())) {
        return index;
      }
    }
    throw new IllegalStateException("SHOW RETENTION POLICIES answered without column " + name);
  }

  /** InfluxDB writes durations as Go does, e.g. {@code 2160h0m0s}; {@code 0s} means forever. */
  static Duration parseGoDuration(String text) {
    Matcher matcher = GO_DURATION.matcher(text);
    if (text.isEmpty() || !matcher.matches()) {
      throw new IllegalArgumentException("not a Go duration of hours, minutes, seconds: " + text);
    }
    return Duration.ofHours(group(matcher, 1))
        .plusMinutes(group(matcher, 2))
        .plusSeconds(group(matcher, 3));
  }

  private static long group(Matcher matcher, int group) {
    return matcher.group(group) == null ? 0 : Long.parseLong(matcher.group(group));
  }
}
