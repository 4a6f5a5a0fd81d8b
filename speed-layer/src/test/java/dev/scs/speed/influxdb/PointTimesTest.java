package dev.scs.speed.influxdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PointTimesTest {
  private static final long AT = 1_777_000_000_123L;

  @Test
  void theMillisecondIsKeptAndTheEventIdDecidesTheRest() {
    long nanos = PointTimes.nanos(AT, "e-1");

    assertThat(Math.floorDiv(nanos, PointTimes.NANOS_PER_MILLI)).isEqualTo(AT);
    assertThat(Math.floorMod(nanos, PointTimes.NANOS_PER_MILLI))
        .isEqualTo(PointTimes.belowTheMillisecond("e-1"));
  }

  @Test
  void theSameEventIdAlwaysGivesTheSameTime() {
    // FNV-1a of the UTF-8 bytes, fixed here so that another JVM or a rewrite gives the same point.
    assertThat(PointTimes.belowTheMillisecond("e-1"))
        .isEqualTo(PointTimes.belowTheMillisecond("e-1"));
    assertThat(PointTimes.belowTheMillisecond(""))
        .isEqualTo(Long.remainderUnsigned(0xcbf29ce484222325L, 1_000_000L));
    assertThat(PointTimes.belowTheMillisecond("a"))
        .isEqualTo(Long.remainderUnsigned(0xaf63dc4c8601ec8cL, 1_000_000L));
  }

  @Test
  void tenThousandEventIdsSpreadOverTheMillisecond() {
    Set<Long> parts = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      long part = PointTimes.belowTheMillisecond(new UUID(7, i).toString());
      assertThat(part).isBetween(0L, 999_999L);
      parts.add(part);
    }
    // Birthday bound: about 50 of 10 000 draws from a million values coincide on average.
    assertThat(parts.size()).isGreaterThan(9_800);
  }

  @Test
  void anInstantInfluxDbCannotStoreFailsInsteadOfWrappingAround() {
    assertThatThrownBy(() -> PointTimes.nanos(Long.MAX_VALUE / 1000, "e-1"))
        .isInstanceOf(ArithmeticException.class);
  }
}
