package dev.scs.speed.mongodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.speed.port.CitizenDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RememberedCitizensTest {
  private final CountingDirectory directory = new CountingDirectory(Set.of("c-1", "c-2", "c-3"));
  private final MutableClock clock = new MutableClock();
  private final RememberedCitizens remembered =
      new RememberedCitizens(directory, Duration.ofMinutes(5), clock);

  @Test
  void asksTheDirectoryOnlyAboutCitizensItDoesNotRemember() {
    assertThat(remembered.registeredAmong(Set.of("c-1", "c-2", "nobody")))
        .containsOnly("c-1", "c-2");
    assertThat(remembered.registeredAmong(Set.of("c-1", "c-2", "c-3", "nobody")))
        .containsOnly("c-1", "c-2", "c-3");

    assertThat(directory.asked)
        .containsExactly(Set.of("c-1", "c-2", "nobody"), Set.of("c-3", "nobody"));
  }

  @Test
  void aCitizenRegisteredAfterALookupIsFoundAtTheNext() {
    assertThat(remembered.registeredAmong(Set.of("c-9"))).isEmpty();
    directory.registered.add("c-9");

    assertThat(remembered.registeredAmong(Set.of("c-9"))).containsOnly("c-9");
  }

  @Test
  void aRemovedCitizenIsAcceptedUntilItsLookupIsMaxAgeOld() {
    remembered.registeredAmong(Set.of("c-1"));
    directory.registered.remove("c-1");

    clock.advance(Duration.ofMinutes(5).minusMillis(1));
    assertThat(remembered.registeredAmong(Set.of("c-1"))).containsOnly("c-1");
    clock.advance(Duration.ofMillis(1));
    assertThat(remembered.registeredAmong(Set.of("c-1"))).isEmpty();
  }

  @Test
  void aMaxAgeOfZeroAsksEveryTime() {
    RememberedCitizens off = new RememberedCitizens(directory, Duration.ZERO, clock);

    off.registeredAmong(Set.of("c-1"));
    off.registeredAmong(Set.of("c-1"));

    assertThat(directory.asked).containsExactly(Set.of("c-1"), Set.of("c-1"));
    assertThat(off.remembered()).isZero();
  }

  @Test
  void pastItsBoundItForgetsTheExpiredFirst() {
    RememberedCitizens small = new RememberedCitizens(directory, Duration.ofMinutes(5), clock, 3);
    small.registeredAmong(Set.of("c-1", "c-2"));
    clock.advance(Duration.ofMinutes(5));
    small.registeredAmong(Set.of("c-3"));
    directory.registered.add("c-4");

    assertThat(small.registeredAmong(Set.of("c-4"))).containsOnly("c-4");
    assertThat(small.remembered()).isEqualTo(2); // c-3 and c-4; c-1 and c-2 had expired
  }

  @Test
  void pastItsBoundWithNothingExpiredItStartsOver() {
    RememberedCitizens small = new RememberedCitizens(directory, Duration.ofMinutes(5), clock, 3);
    small.registeredAmong(Set.of("c-1", "c-2", "c-3"));
    directory.registered.add("c-4");

    assertThat(small.registeredAmong(Set.of("c-4"))).containsOnly("c-4");
    assertThat(small.remembered()).isEqualTo(1);
  }

  /** A directory that records what it was asked. */
  private static final class CountingDirectory implements CitizenDirectory {
    final Set<String> registered;
    final List<Set<String>> asked = new ArrayList<>();

    CountingDirectory(Set<String> registered) {
      this.registered = new HashSet<>(registered);
    }

    @Override
    public Set<String> registeredAmong(Set<String> citizenIds) {
      asked.add(Set.copyOf(citizenIds));
      Set<String> found = new HashSet<>(citizenIds);
      found.retainAll(registered);
      return found;
    }
  }

  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-11-26T12:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
