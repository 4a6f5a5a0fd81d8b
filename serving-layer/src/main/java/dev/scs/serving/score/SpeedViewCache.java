package dev.scs.serving.score;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speed view rows kept between score requests, so that a lookup need not read Cassandra when the
 * citizen's row cannot have changed. It is only used while something tells it about every change:
 * the live feed reads the speed layer's {@code score-updates} topic, which gets a record for every
 * citizen a micro-batch touches (every write of a {@code speed_view} row), and calls {@link
 * #changed} for each; while the feed does not read the topic ({@link #invalidationsFlowing} false:
 * it waits for the topic, fails, or there is no feed), every lookup reads the table.
 *
 * <p>What a served row can be, precisely:
 *
 * <ul>
 *   <li><b>Bounded age.</b> A kept row is served only while it was read from the table less than
 *       {@code maxAgeMillis} ago ({@code serving.speed-view-cache-max-age}), whatever the feed
 *       says. A lagging or silently disconnected consumer (a Kafka consumer keeps retrying a lost
 *       broker without failing) can therefore make a served row at most that old, never older.
 *   <li><b>Invalidated on change.</b> A change announced for a citizen drops its row at once.
 *   <li><b>Settling.</b> The speed layer writes the topic and the table in parallel, so the
 *       announcement may arrive before the new row is in the table. A row read less than {@link
 *       #SETTLE_MILLIS} after the citizen's last announced change is served but not kept.
 *   <li><b>No stale write-back.</b> A read that started before an invalidation, or before the cache
 *       was switched off or on, or before everything was dropped ({@link #clear}), is not kept.
 * </ul>
 *
 * At most {@link #MAX_ENTRIES} citizens are remembered; the cache is emptied when full.
 */
public final class SpeedViewCache {
  private static final Logger LOG = LoggerFactory.getLogger(SpeedViewCache.class);
  static final long SETTLE_MILLIS = 2_000;
  static final int MAX_ENTRIES = 500_000;

  private static final long NEVER = Long.MIN_VALUE;

  private final long maxAgeMillis;
  private final LongSupplier clock;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  // Changes whenever kept rows stop being trustworthy as a whole; a read of an older generation
  // is not kept.
  private final AtomicLong generation = new AtomicLong();
  private volatile boolean flowing;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder bypassed = new LongAdder();
  private final LongAdder changes = new LongAdder();

  /**
   * A citizen's kept row ({@code row} null: none kept, only when its last change was announced).
   */
  private record Entry(Optional<StoredView> row, long readAt, long changedAt) {}

  /** When a read of the table started, to decide afterwards whether its answer may be kept. */
  public record ReadStart(long at, long generation) {}

  /**
   * @param maxAgeMillis 0 switches the cache off: every lookup reads the table
   */
  public SpeedViewCache(long maxAgeMillis, LongSupplier clock) {
    if (maxAgeMillis < 0) {
      throw new IllegalArgumentException("the maximum age must not be negative");
    }
    this.maxAgeMillis = maxAgeMillis;
    this.clock = clock;
  }

  /** A cache that never keeps anything. */
  public static SpeedViewCache off() {
    return new SpeedViewCache(0, System::currentTimeMillis);
  }

  /**
   * The citizen's row: the kept one when it may be served, otherwise {@code read}'s answer (kept
   * when it may be).
   */
  public Optional<StoredView> get(String citizenId, Function<String, Optional<StoredView>> read) {
    Optional<StoredView> kept = lookup(citizenId);
    if (kept != null) {
      return kept;
    }
    ReadStart start = startRead();
    Optional<StoredView> row = read.apply(citizenId);
    offer(citizenId, row, start);
    return row;
  }

  /**
   * The kept row (possibly empty: the citizen has none) when it may be served, or null: read the
   * table, between {@link #startRead()} and {@link #offer}. Counts a hit, a miss or a bypass.
   */
  public Optional<StoredView> lookup(String citizenId) {
    if (!enabled()) {
      bypassed.increment();
      return null;
    }
    Entry entry = entries.get(citizenId);
    if (entry != null && entry.row() != null && clock.getAsLong() - entry.readAt() < maxAgeMillis) {
      hits.increment();
      return entry.row();
    }
    misses.increment();
    return null;
  }

  public ReadStart startRead() {
    return new ReadStart(clock.getAsLong(), generation.get());
  }

  /** Keeps {@code row}, read from the table since {@code start}, when nothing makes it suspect. */
  public void offer(String citizenId, Optional<StoredView> row, ReadStart start) {
    if (!enabled() || generation.get() != start.generation()) {
      return;
    }
    if (entries.size() >= MAX_ENTRIES) {
      clear();
      return;
    }
    entries.compute(
        citizenId,
        (id, old) -> {
          long changedAt = old == null ? NEVER : old.changedAt();
          if (changedAt != NEVER && start.at() < changedAt + SETTLE_MILLIS) {
            return old; // the read may predate the table write of the announced change
          }
          if (old != null && old.row() != null && old.readAt() >= start.at()) {
            return old; // a later read is kept already
          }
          return new Entry(row, start.at(), changedAt);
        });
    if (generation.get() != start.generation()) {
      entries.remove(citizenId); // cleared meanwhile: the row may have been put back after it
    }
  }

  /** The citizen's speed view row changed (or may have): its kept row, if any, is dropped. */
  public void changed(String citizenId) {
    changes.increment();
    if (enabled()) {
      entries.put(citizenId, new Entry(null, NEVER, clock.getAsLong()));
    }
  }

  /** Drops every kept row, and every read in flight (a change no one can attribute, a new run). */
  public void clear() {
    generation.incrementAndGet();
    entries.clear();
  }

  /**
   * Whether every change is announced from now on: true while the live feed reads the topic.
   * Switching either way drops every kept row.
   */
  public void invalidationsFlowing(boolean nowFlowing) {
    if (nowFlowing != flowing) {
      synchronized (this) {
        if (nowFlowing != flowing) {
          flowing = nowFlowing;
          clear();
          if (maxAgeMillis > 0 && nowFlowing) {
            LOG.info(
                "speed view cache on: the live feed announces every change; rows are kept at"
                    + " most {} ms",
                maxAgeMillis);
          } else if (maxAgeMillis > 0) {
            LOG.info(
                "speed view cache off: the live feed does not read score-updates; every lookup"
                    + " reads the table");
          }
        }
      }
    }
  }

  private boolean enabled() {
    return flowing && maxAgeMillis > 0;
  }

  public long hits() {
    return hits.sum();
  }

  public long misses() {
    return misses.sum();
  }

  /** Lookups that read the table because the cache was off or the feed not reading. */
  public long bypassed() {
    return bypassed.sum();
  }

  /** Prometheus text: lookups by result, announced changes, kept citizens, the state. */
  public String renderMetrics() {
    StringBuilder text = new StringBuilder();
    text.append("# HELP scs_speed_view_cache_lookups_total Speed view lookups by result.\n");
    text.append("# TYPE scs_speed_view_cache_lookups_total counter\n");
    line(text, "scs_speed_view_cache_lookups_total{result=\"hit\"}", hits.sum());
    line(text, "scs_speed_view_cache_lookups_total{result=\"miss\"}", misses.sum());
    line(text, "scs_speed_view_cache_lookups_total{result=\"bypass\"}", bypassed.sum());
    text.append("# HELP scs_speed_view_cache_changes_total Changes announced by score-updates.\n");
    text.append("# TYPE scs_speed_view_cache_changes_total counter\n");
    line(text, "scs_speed_view_cache_changes_total", changes.sum());
    text.append("# HELP scs_speed_view_cache_entries Citizens remembered.\n");
    text.append("# TYPE scs_speed_view_cache_entries gauge\n");
    line(text, "scs_speed_view_cache_entries", entries.size());
    text.append("# HELP scs_speed_view_cache_enabled 1 while the cache serves kept rows.\n");
    text.append("# TYPE scs_speed_view_cache_enabled gauge\n");
    line(text, "scs_speed_view_cache_enabled", enabled() ? 1 : 0);
    text.append("# HELP scs_speed_view_cache_max_age_seconds Oldest row the cache serves.\n");
    text.append("# TYPE scs_speed_view_cache_max_age_seconds gauge\n");
    text.append("scs_speed_view_cache_max_age_seconds ")
        .append(String.format(Locale.ROOT, "%s", maxAgeMillis / 1000.0))
        .append('\n');
    return text.toString();
  }

  private static void line(StringBuilder text, String series, long value) {
    text.append(series).append(' ').append(value).append('\n');
  }
}
