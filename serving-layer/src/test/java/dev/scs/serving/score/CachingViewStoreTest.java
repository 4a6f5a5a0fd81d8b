package dev.scs.serving.score;

import static dev.scs.serving.support.Scoring.DAY;
import static dev.scs.serving.support.Scoring.at;
import static dev.scs.serving.support.Scoring.firing;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.serving.support.FakeViewStore;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachingViewStoreTest {
  private static final long W = at("2026-05-01T00:00:00Z");

  private final FakeViewStore store =
      new FakeViewStore()
          .publishBatch("r1", W, List.of(firing("c1", "e1", "2026-04-01T00:00:00Z", "10")))
          .streamed(firing("c1", "e2", "2026-05-02T00:00:00Z", "1"), W + DAY, W);
  private final AtomicLong clock = new AtomicLong(1_000);
  private final CachingViewStore caching = new CachingViewStore(store, 1_000, clock::get);

  @Test
  void aRunsBatchViewIsReadOnceAndTheSpeedViewEveryTime() {
    ViewStore.CitizenViews first = caching.views("r1", "c1");
    ViewStore.CitizenViews second = caching.views("r1", "c1");

    assertThat(second).isEqualTo(first);
    assertThat(store.batchViewReads).isEqualTo(1);
    assertThat(store.speedViewReads).isEqualTo(2);
  }

  @Test
  void aCitizenWithoutABatchViewIsRememberedToo() {
    caching.views("r1", "c2");
    caching.views("r1", "c2");

    assertThat(store.batchViewReads).isEqualTo(1);
  }

  @Test
  void anotherRunIsReadAgain() {
    caching.views("r1", "c1");
    caching.views("r2", "c1");
    caching.views("r1", "c1");

    assertThat(store.batchViewReads).isEqualTo(3);
  }

  @Test
  void thePublishedRunIsReadAgainOnlyAfterTheRefreshInterval() {
    caching.publishedRun();
    store.publishBatch("r2", W + DAY, List.of());
    assertThat(caching.publishedRun()).map(PublishedRun::runId).hasValue("r1");

    clock.addAndGet(1_000);

    assertThat(caching.publishedRun()).map(PublishedRun::runId).hasValue("r2");
  }

  @Test
  void withAFlowingSpeedViewCacheTheSpeedRowIsReadOnceUntilItsCitizenChanges() {
    SpeedViewCache speedViews = new SpeedViewCache(5_000, clock::get);
    CachingViewStore cached = new CachingViewStore(store, 1_000, clock::get, speedViews);
    speedViews.invalidationsFlowing(true);

    ViewStore.CitizenViews first = cached.views("r1", "c1");
    assertThat(cached.views("r1", "c1")).isEqualTo(first);
    assertThat(store.speedViewReads + store.batchViewReads).isEqualTo(2);

    speedViews.changed("c1");
    assertThat(cached.views("r1", "c1")).isEqualTo(first);
    assertThat(store.speedViewReads).isEqualTo(2);
  }

  @Test
  void aCachedSpeedRowIsNotUsedForAnotherRun() {
    SpeedViewCache speedViews = new SpeedViewCache(5_000, clock::get);
    CachingViewStore cached = new CachingViewStore(store, 1_000, clock::get, speedViews);
    speedViews.invalidationsFlowing(true);
    cached.views("r1", "c1");
    cached.views("r1", "c1");

    cached.views("r2", "c1");

    assertThat(speedViews.misses()).isEqualTo(2);
    assertThat(speedViews.hits()).isEqualTo(1);
  }
}
