package dev.scs.serving.live;

import static dev.scs.serving.live.FakeScoreUpdateSource.scoreUpdate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveFeedTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long START = 1_790_000_000_000L;

  private final FakeScoreUpdateSource source = new FakeScoreUpdateSource();
  private final ManualClock clock = new ManualClock(START);

  private LiveFeed feed(LiveFeedSettings settings) {
    LiveFeed feed = new LiveFeed(() -> source, "fake topic", clock, settings);
    feed.openSource();
    return feed;
  }

  private LiveFeed feed() {
    return feed(LiveFeedSettings.defaults());
  }

  @Test
  void aClientGetsASnapshotThenOneChangePerUpdateWithTheDifferenceToTheCitizensPreviousUpdate()
      throws Exception {
    LiveFeed feed = feed();
    LiveSubscription client = feed.subscribe();
    source
        .thenRecords(scoreUpdate("c-1", "500.0", "B", 3, "2026-11-26T08:00:00Z"))
        .thenRecords(scoreUpdate("c-1", "512.5", "A", 5, "2026-11-26T08:00:01Z"));
    feed.pollOnce();
    feed.pollOnce();

    List<LiveMessage> messages = drain(client);
    assertThat(messages).extracting(LiveMessage::event).first().isEqualTo("snapshot");
    List<JsonNode> changes = ofEvent(messages, "change");
    assertThat(changes).hasSize(2);
    assertThat(changes.get(0).get("citizen_id").asText()).isEqualTo("c-1");
    assertThat(changes.get(0).get("previous_score").isNull()).isTrue();
    assertThat(changes.get(0).get("new_firings").isNull()).isTrue();
    assertThat(changes.get(1).get("score").decimalValue()).isEqualByComparingTo("512.5");
    assertThat(changes.get(1).get("previous_score").decimalValue()).isEqualByComparingTo("500.0");
    assertThat(changes.get(1).get("tier").asText()).isEqualTo("A");
    assertThat(changes.get(1).get("previous_tier").asText()).isEqualTo("B");
    assertThat(changes.get(1).get("new_firings").asLong()).isEqualTo(2);
    assertThat(changes.get(1).get("as_of").asText()).isEqualTo("2026-11-26T08:00:01Z");
  }

  @Test
  void listenersHearEveryRecordIncludingRepeatsAndWhetherTheFeedReads() {
    LiveFeed feed = feed();
    List<String> heard = new ArrayList<>();
    feed.addListener(
        new ScoreUpdateListener() {
          @Override
          public void scoreUpdated(String citizenId) {
            heard.add("updated " + citizenId);
          }

          @Override
          public void unknownChange() {
            heard.add("unknown");
          }

          @Override
          public void reading(boolean reading) {
            heard.add("reading " + reading);
          }
        });
    String update = scoreUpdate("c-1", "500.0", "B", 3, "2026-11-26T08:00:00Z");
    source
        .thenRecords(update, update, "{not json")
        .thenFailure(new IllegalStateException("broker gone"));
    feed.pollOnce();
    feed.pollOnce();
    feed.close();

    assertThat(heard)
        .containsExactly(
            "updated c-1",
            "updated c-1",
            "unknown",
            "reading true",
            "reading false",
            "reading false");
  }

  @Test
  void aRecordRepeatedByARerunMicroBatchIsNeitherListedNorCounted() throws Exception {
    LiveFeed feed = feed();
    String update = scoreUpdate("c-1", "500.0", "B", 3, "2026-11-26T08:00:00Z");
    source.thenRecords(update).thenRecords(update);
    feed.pollOnce();
    LiveSubscription client = feed.subscribe();
    feed.pollOnce();

    assertThat(ofEvent(drain(client), "change")).isEmpty();
    assertThat(feed.recentChanges()).hasSize(1);
    assertThat(feed.status().rates().updatesTotal()).isEqualTo(1);
  }

  @Test
  void ratesCountUpdatesAndAddedFiringsOverTheSecondsSoFarThenOverTheLastMinute() {
    LiveFeed feed = feed();
    source
        .thenRecords(
            scoreUpdate("c-1", "500", "B", 10, "2026-11-26T08:00:00Z"),
            scoreUpdate("c-2", "600", "A", 1, "2026-11-26T08:00:00Z"))
        .thenRecords(
            scoreUpdate("c-1", "490", "B", 14, "2026-11-26T08:00:01Z"),
            scoreUpdate("c-2", "610", "A", 3, "2026-11-26T08:00:01Z"));
    feed.pollOnce();
    clock.advanceMillis(1_000);
    feed.pollOnce();

    RollingRates.Rates twoSeconds = feed.status().rates();
    assertThat(twoSeconds.windowSeconds()).isEqualTo(2);
    assertThat(twoSeconds.updatesPerSecond()).isEqualTo(2.0);
    // The first update of a citizen adds no known firings: its count includes its whole history.
    assertThat(twoSeconds.firingsPerSecond()).isEqualTo(3.0);
    assertThat(twoSeconds.firingsTotal()).isEqualTo(6);

    clock.advanceMillis(59_000);
    assertThat(feed.status().rates().windowSeconds()).isEqualTo(60);
    assertThat(feed.status().rates().updatesPerSecond()).isEqualTo(2.0 / 60);
    clock.advanceMillis(1_000);
    assertThat(feed.status().rates().updatesPerSecond()).isEqualTo(0.0);
    assertThat(feed.status().rates().updatesTotal()).isEqualTo(4);
  }

  @Test
  void aClientThatDoesNotKeepUpIsDroppedWhileTheOthersGetEveryMessage() throws Exception {
    LiveFeed feed = feed(new LiveFeedSettings(60, 50, 1_000, 4, 10));
    LiveSubscription slow = feed.subscribe();
    LiveSubscription keepingUp = feed.subscribe();
    List<LiveMessage> received = new ArrayList<>(drain(keepingUp));
    for (int i = 0; i < 10; i++) {
      source.thenRecords(scoreUpdate("c-" + i, "500", "B", 1, "2026-11-26T08:00:00Z"));
      // The feed's thread only offers: with the slow client's queue full, this still returns.
      feed.pollOnce();
      received.addAll(drain(keepingUp));
    }

    assertThat(slow.isOpen()).isFalse();
    assertThat(slow.fellBehind()).isTrue();
    assertThat(keepingUp.isOpen()).isTrue();
    assertThat(ofEvent(received, "change")).hasSize(10);
    assertThat(feed.status().droppedClients()).isEqualTo(1);
    assertThat(feed.status().clients()).isEqualTo(1);
  }

  @Test
  void aClientThatLeavesIsNotCountedAsDropped() {
    LiveFeed feed = feed();
    LiveSubscription leaving = feed.subscribe();
    leaving.close();
    source.thenRecords(scoreUpdate("c-1", "500", "B", 1, "2026-11-26T08:00:00Z"));
    feed.pollOnce();

    assertThat(feed.status().clients()).isZero();
    assertThat(feed.status().droppedClients()).isZero();
  }

  @Test
  void clientsBeyondTheMaximumAreRefused() {
    LiveFeed feed = feed(new LiveFeedSettings(60, 50, 1_000, 4, 2));
    assertThat(feed.subscribe()).isNotNull();
    assertThat(feed.subscribe()).isNotNull();
    assertThat(feed.subscribe()).isNull();
  }

  @Test
  void aNewClientsSnapshotListsTheKeptChangesNewestFirst() throws Exception {
    LiveFeed feed = feed(new LiveFeedSettings(60, 2, 1_000, 8, 4));
    source.thenRecords(
        scoreUpdate("c-1", "500", "B", 1, "2026-11-26T08:00:00Z"),
        scoreUpdate("c-2", "501", "B", 1, "2026-11-26T08:00:00Z"),
        scoreUpdate("c-3", "502", "B", 1, "2026-11-26T08:00:00Z"));
    feed.pollOnce();

    JsonNode snapshot = ofEvent(drain(feed.subscribe()), "snapshot").get(0);
    assertThat(snapshot.get("changes"))
        .extracting(change -> change.get("citizen_id").asText())
        .containsExactly("c-3", "c-2");
    assertThat(snapshot.get("updates_total").asLong()).isEqualTo(3);
    assertThat(snapshot.get("last_change_at").asText()).isEqualTo("2026-09-21T14:13:20Z");
    assertThat(snapshot.get("state").asText()).isEqualTo("reading");
  }

  @Test
  void aMalformedRecordIsSkippedAndCounted() {
    LiveFeed feed = feed();
    source.thenRecords(
        "not json",
        "{\"citizen_id\":\"c-1\"}",
        scoreUpdate("c-2", "500", "B", 1, "2026-11-26T08:00:00Z"));
    feed.pollOnce();

    assertThat(feed.status().malformedRecords()).isEqualTo(2);
    assertThat(feed.recentChanges()).extracting(ScoreChange::citizenId).containsExactly("c-2");
  }

  @Test
  void aFailingSourceIsWhatTheStatusSaysUntilItAnswersAgain() {
    LiveFeed feed = feed();
    source.thenFailure(new IllegalStateException("broker at 127.0.0.1:9092 unreachable"));

    assertThat(feed.status().lastChangeAtMillis()).isNull();
    assertThat(feed.pollOnce()).isFalse();
    assertThat(feed.status().reading()).isFalse();
    assertThat(feed.status().description())
        .isEqualTo("cannot read fake topic: broker at 127.0.0.1:9092 unreachable");

    assertThat(feed.pollOnce()).isTrue();
    assertThat(feed.status().reading()).isTrue();
    assertThat(feed.status().description()).isEqualTo("reading fake topic");
  }

  @Test
  void ratesArePublishedOncePerSecond() throws Exception {
    LiveFeed feed = feed();
    LiveSubscription client = feed.subscribe();
    feed.pollOnce();
    feed.pollOnce();
    clock.advanceMillis(1_000);
    feed.pollOnce();

    assertThat(ofEvent(drain(client), "rates")).hasSize(2);
  }

  @Test
  void closingEndsEveryClientAndClosesTheSource() {
    LiveFeed feed = feed();
    LiveSubscription client = feed.subscribe();
    feed.close();

    assertThat(client.isOpen()).isFalse();
    assertThat(client.fellBehind()).isFalse();
    assertThat(source.closed()).isTrue();
  }

  private static List<LiveMessage> drain(LiveSubscription subscription)
      throws InterruptedException {
    List<LiveMessage> messages = new ArrayList<>();
    LiveMessage message;
    while ((message = subscription.next(Duration.ZERO)) != null) {
      messages.add(message);
    }
    return messages;
  }

  private static List<JsonNode> ofEvent(List<LiveMessage> messages, String event) throws Exception {
    List<JsonNode> nodes = new ArrayList<>();
    for (LiveMessage message : messages) {
      if (message.event().equals(event)) {
        nodes.add(JSON.readTree(message.json()));
      }
    }
    return nodes;
  }
}
