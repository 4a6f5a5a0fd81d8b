package dev.scs.serving.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SpeedViewCacheTest {
  private static final long MAX_AGE = 5_000;

  private final AtomicLong clock = new AtomicLong(1_000_000);
  private final SpeedViewCache cache = new SpeedViewCache(MAX_AGE, clock::get);

  /** The "table": the current row per citizen, and every read made of it. */
  private final Map<String, Optional<StoredView>> table = new java.util.HashMap<>();

  private final List<String> reads = new ArrayList<>();
  private final Function<String, Optional<StoredView>> read =
      citizenId -> {
        reads.add(citizenId);
        return table.getOrDefault(citizenId, Optional.empty());
      };

  private static Optional<StoredView> row(long firings) {
    return Optional.of(new StoredView(100L, 100, Map.of(1000L, (double) firings), 90, firings));
  }

  @Test
  void whileChangesAreAnnouncedARowIsReadOnceAndThenServedFromMemory() {
    cache.invalidationsFlowing(true);
    table.put("c1", row(1));

    assertThat(cache.get("c1", read)).isEqualTo(row(1));
    assertThat(cache.get("c1", read)).isEqualTo(row(1));

    assertThat(reads).containsExactly("c1");
    assertThat(cache.hits()).isEqualTo(1);
    assertThat(cache.misses()).isEqualTo(1);
  }

  @Test
  void aCitizenWithoutARowIsRememberedToo() {
    cache.invalidationsFlowing(true);

    assertThat(cache.get("c9", read)).isEmpty();
    assertThat(cache.get("c9", read)).isEmpty();

    assertThat(reads).containsExactly("c9");
  }

  @Test
  void anAnnouncedChangeDropsTheRowAndTheNewOneIsKeptOnceTheTableHadTimeToSettle() {
    cache.invalidationsFlowing(true);
    table.put("c1", row(1));
    cache.get("c1", read);

    cache.changed("c1");
    table.put("c1", row(2));
    assertThat(cache.get("c1", read)).isEqualTo(row(2));
    // Read within the settle time: served, but not kept (it could predate the table write).
    assertThat(cache.get("c1", read)).isEqualTo(row(2));
    assertThat(reads).hasSize(3);

    clock.addAndGet(SpeedViewCache.SETTLE_MILLIS);
    cache.get("c1", read);
    assertThat(cache.get("c1", read)).isEqualTo(row(2));
    assertThat(reads).hasSize(4);
  }

  @Test
  void aRowReadBeforeTheTableWriteOfAnAnnouncedChangeIsNotKept() {
    cache.invalidationsFlowing(true);
    table.put("c1", row(1));
    // The topic record arrives first; the table still holds the old row for a moment.
    cache.changed("c1");
    clock.addAndGet(10);
    assertThat(cache.get("c1", read)).isEqualTo(row(1));
    table.put("c1", row(2));
    clock.addAndGet(10);

    assertThat(cache.get("c1", read)).isEqualTo(row(2));
  }

  @Test
  void aReadInFlightWhenTheChangeIsAnnouncedIsNotKept() {
    cache.invalidationsFlowing(true);
    clock.addAndGet(SpeedViewCache.SETTLE_MILLIS);
    table.put("c1", row(1));
    SpeedViewCache.ReadStart start = cache.startRead();
    Optional<StoredView> old = read.apply("c1");
    cache.changed("c1");
    table.put("c1", row(2));
    cache.offer("c1", old, start);

    assertThat(cache.get("c1", read)).isEqualTo(row(2));
  }

  @Test
  void aKeptRowIsServedNoLongerThanTheMaximumAgeEvenWithoutAnyAnnouncement() {
    cache.invalidationsFlowing(true);
    table.put("c1", row(1));
    cache.get("c1", read);
    // A change the feed never announced (a lagging consumer).
    table.put("c1", row(2));

    clock.addAndGet(MAX_AGE - 1);
    assertThat(cache.get("c1", read)).isEqualTo(row(1));
    clock.addAndGet(1);
    assertThat(cache.get("c1", read)).isEqualTo(row(2));
  }

  @Test
  void whileTheFeedDoesNotReadEveryLookupReadsTheTableAndNothingIsKept() {
    table.put("c1", row(1));
    cache.get("c1", read);
    cache.get("c1", read);
    assertThat(reads).hasSize(2);
    assertThat(cache.bypassed()).isEqualTo(2);

    cache.invalidationsFlowing(true);
    cache.get("c1", read);
    cache.invalidationsFlowing(false);
    table.put("c1", row(2));

    assertThat(cache.get("c1", read)).isEqualTo(row(2));
    cache.invalidationsFlowing(true);
    assertThat(cache.get("c1", read)).isEqualTo(row(2));
    assertThat(reads).hasSize(5);
  }

  @Test
  void aReadStartedBeforeTheFeedResumedOrBeforeAClearIsNotKept() {
    table.put("c1", row(1));
    SpeedViewCache.ReadStart beforeResume = cache.startRead();
    cache.invalidationsFlowing(true);
    cache.offer("c1", row(1), beforeResume);
    SpeedViewCache.ReadStart beforeClear = cache.startRead();
    cache.clear();
    cache.offer("c1", row(1), beforeClear);

    cache.get("c1", read);
    assertThat(reads).containsExactly("c1");
    assertThat(cache.misses()).isEqualTo(1);
  }

  @Test
  void aMaximumAgeOfZeroTurnsTheCacheOff() {
    SpeedViewCache off = new SpeedViewCache(0, clock::get);
    off.invalidationsFlowing(true);
    off.get("c1", read);
    off.get("c1", read);

    assertThat(reads).hasSize(2);
    assertThat(off.renderMetrics()).contains("scs_speed_view_cache_enabled 0");
  }

  @Test
  void theMetricsCountHitsMissesAndChanges() {
    cache.invalidationsFlowing(true);
    cache.get("c1", read);
    cache.get("c1", read);
    cache.changed("c1");

    assertThat(cache.renderMetrics())
        .contains("scs_speed_view_cache_lookups_total{result=\"hit\"} 1")
        .contains("scs_speed_view_cache_lookups_total{result=\"miss\"} 1")
        .contains("scs_speed_view_cache_changes_total 1")
        .contains("scs_speed_view_cache_enabled 1")
        .contains("scs_speed_view_cache_max_age_seconds 5.0");
  }
}
