package dev.scs.stores.dgraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KnownUidsTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final KnownUids known = new KnownUids(Duration.ofSeconds(10), now::get);

  @Test
  void aLearntUidIsTrustedUntilItsMaxAgeAndThenLookedUpAgain() {
    known.learn("c-1", "0x2a");

    now.addAndGet(9_999);
    assertThat(known.uidOf("c-1")).contains("0x2a");
    now.addAndGet(1);
    assertThat(known.uidOf("c-1")).isEmpty();
  }

  @Test
  void forgottenCitizensAreLookedUpAgain() {
    known.learn("c-1", "0x2a");
    known.learn("c-2", "0x2b");

    known.forget(List.of("c-1"));

    assertThat(known.uidOf("c-1")).isEmpty();
    assertThat(known.uidOf("c-2")).contains("0x2b");
  }

  @Test
  void noneRemembersNothing() {
    KnownUids none = KnownUids.none();

    none.learn("c-1", "0x2a");

    assertThat(none.uidOf("c-1")).isEmpty();
  }

  @Test
  void aNegativeMaxAgeIsRefused() {
    assertThatThrownBy(() -> new KnownUids(Duration.ofSeconds(-1), now::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxAge must not be negative, but was PT-1S");
  }
}
