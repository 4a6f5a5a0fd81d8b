package dev.scs.simulator.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InstantTextTest {
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
          .withZone(java.time.ZoneOffset.UTC);

  @Test
  void instantsAreWrittenAsRfc3339UtcWithMilliseconds() {
    InstantText text = new InstantText();

    assertThat(text.format(Instant.parse("2026-03-01T12:00:00Z").toEpochMilli()))
        .isEqualTo("2026-03-01T12:00:00.000Z");
    assertThat(text.format(Instant.parse("1999-12-31T23:59:59.999Z").toEpochMilli()))
        .isEqualTo("1999-12-31T23:59:59.999Z");
    assertThat(text.format(Instant.parse("1969-12-31T23:59:59.001Z").toEpochMilli()))
        .isEqualTo("1969-12-31T23:59:59.001Z");
  }

  @Test
  void everyInstantIsWrittenAsTheJdkWritesIt() {
    InstantText text = new InstantText();
    SplittableRandom random = new SplittableRandom(5);
    long start = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();
    for (int i = 0; i < 100_000; i++) {
      long millis =
          start + random.nextLong(Instant.parse("2030-01-01T00:00:00Z").toEpochMilli() - start);
      assertThat(text.format(millis))
          .isEqualTo(MILLIS.format(Instant.ofEpochMilli(millis).truncatedTo(ChronoUnit.MILLIS)));
    }
  }
}
