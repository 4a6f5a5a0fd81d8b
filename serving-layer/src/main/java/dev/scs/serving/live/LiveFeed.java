package dev.scs.serving.live;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the speed layer's {@code score-updates} topic from its latest offset, keeps rolling rates
 * and the most recent score changes, and fans them out to live clients (the dashboard's server-sent
 * events at {@code /api/v1/live}).
 *
 * <p>One thread, started by {@link #start()}, reads the source and publishes. Each client gets a
 * bounded queue ({@link LiveSubscription}); publishing only offers to it, so a slow client is
 * dropped and never blocks the reading. A source that fails (Kafka unreachable) is retried every
 * second, and the failure is what the feed's status says meanwhile.
 */
public final class LiveFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(250);
  private static final long RATES_EVERY_MILLIS = 1_000;
  private static final long RETRY_AFTER_FAILURE_MILLIS = 1_000;

  private final Supplier<ScoreUpdateSource> sourceFactory;
  private final String sourceName;
  private final LongSupplier clockMillis;
  private final LiveSubscribers subscribers;

  // Guarded by this object's lock: the feed's thread writes, subscribe() and status() read.
  private final RollingRates rates;
  private final RecentScoreChanges changes;
  private long malformedRecords;
  private Long lastChangeAtMillis;
  private long nextRatesAtMillis;

  private final List<ScoreUpdateListener> listeners = new CopyOnWriteArrayList<>();

  private volatile String failure;
  private volatile boolean running;
  private volatile ScoreUpdateSource source;
  private Thread thread;

  /** A feed of the topic {@code topic} on the Kafka cluster at {@code kafkaBootstrapServers}. */
  public LiveFeed(String kafkaBootstrapServers, String topic) {
    this(
        () -> new KafkaScoreUpdateSource(kafkaBootstrapServers, topic),
        "topic " + topic + " at " + kafkaBootstrapServers,
        System::currentTimeMillis,
        LiveFeedSettings.defaults());
  }

  /**
   * A feed of any source; tests pass a fake source and clock.
   *
   * @param sourceName how the status names the source ("topic score-updates at host:9092")
   */
  public LiveFeed(
      Supplier<ScoreUpdateSource> sourceFactory,
      String sourceName,
      LongSupplier clockMillis,
      LiveFeedSettings settings) {
    this.sourceFactory = sourceFactory;
    this.sourceName = sourceName;
    this.clockMillis = clockMillis;
    this.subscribers = new LiveSubscribers(settings.queueCapacity(), settings.maxClients());
    this.rates = new RollingRates(settings.windowSeconds(), clockMillis.getAsLong());
    this.changes = new RecentScoreChanges(settings.changesKept(), settings.citizensRemembered());
  }

  /**
   * Tells {@code listener} about every record read and whether the feed reads (see {@link
   * ScoreUpdateListener}); it may be added while the feed runs, and hears whether the feed reads at
   * the next poll.
   */
  public void addListener(ScoreUpdateListener listener) {
    listeners.add(listener);
  }

  /** Opens the source and starts reading in a background thread; returns at once. */
  public synchronized void start() {
    openSource();
    running = true;
    thread = new Thread(this::readUntilClosed, "live-feed");
    thread.setDaemon(true);
    thread.start();
    LOG.info("live feed reading {} from its end", sourceName);
  }

  /**
   * Opens the source without a thread, for tests that step the feed with {@link #pollOnce()}
   * instead of {@link #start()}.
   */
  public synchronized void openSource() {
    if (source != null) {
      throw new IllegalStateException("the live feed is already started");
    }
    source = sourceFactory.get();
  }

  private void readUntilClosed() {
    while (running) {
      if (!pollOnce()) {
        sleep(RETRY_AFTER_FAILURE_MILLIS);
      }
    }
  }

  /**
   * Reads what the source has (waiting briefly), publishes a change per new update and, once a
   * second, the rates. False when the source failed.
   */
  public boolean pollOnce() {
    List<byte[]> values;
    boolean read;
    try {
      values = source.poll(POLL_TIMEOUT);
      read = true;
      if (failure != null) {
        LOG.info("live feed reads {} again", sourceName);
        failure = null;
      }
    } catch (RuntimeException e) {
      values = List.of();
      read = false;
      String message = "cannot read " + sourceName + ": " + e.getMessage();
      if (!message.equals(failure)) {
        LOG.warn("live feed {}; retrying every second", message);
      }
      failure = message;
    }
    long now = clockMillis.getAsLong();
    boolean reading = read && source.waitingFor().isEmpty();
    synchronized (this) {
      for (byte[] value : values) {
        accept(value, now);
      }
      for (ScoreUpdateListener listener : listeners) {
        listener.reading(reading);
      }
      if (now >= nextRatesAtMillis) {
        subscribers.publish(LiveMessages.rates(statusAt(now)));
        nextRatesAtMillis = now + RATES_EVERY_MILLIS;
      }
    }
    return read;
  }

  private void accept(byte[] value, long now) {
    ScoreUpdate update;
    try {
      update = ScoreUpdate.fromJson(value);
    } catch (IllegalArgumentException malformed) {
      for (ScoreUpdateListener listener : listeners) {
        listener.unknownChange();
      }
      if (malformedRecords++ == 0) {
        LOG.warn(
            "live feed skips malformed records of {}; the first: {}",
            sourceName,
            malformed.getMessage());
      }
      return;
    }
    for (ScoreUpdateListener listener : listeners) {
      listener.scoreUpdated(update.citizenId());
    }
    Optional<ScoreChange> change = changes.apply(update, now);
    if (change.isPresent()) {
      rates.record(now, change.get().firingsForRates());
      lastChangeAtMillis = now;
      subscribers.publish(LiveMessages.change(change.get()));
    }
  }

  /**
   * A new client's subscription, which starts with a {@code snapshot} message; {@code null} when
   * the feed already serves its maximum of clients.
   */
  public synchronized LiveSubscription subscribe() {
    long now = clockMillis.getAsLong();
    return subscribers.subscribe(LiveMessages.snapshot(statusAt(now), changes.newestFirst()));
  }

  /** Rates, clients and whether the source answers, now. */
  public synchronized FeedStatus status() {
    return statusAt(clockMillis.getAsLong());
  }

  /** The most recent changes, newest first. */
  public synchronized List<ScoreChange> recentChanges() {
    return changes.newestFirst();
  }

  private FeedStatus statusAt(long now) {
    String failed = failure;
    Optional<String> waiting = source == null ? Optional.empty() : source.waitingFor();
    FeedStatus.State state;
    String description;
    if (failed != null) {
      state = FeedStatus.State.FAILING;
      description = failed;
    } else if (waiting.isPresent()) {
      state = FeedStatus.State.WAITING;
      description = "waiting for " + waiting.get();
    } else {
      state = FeedStatus.State.READING;
      description = "reading " + sourceName;
    }
    return new FeedStatus(
        state,
        description,
        rates.rates(now),
        subscribers.openCount(),
        subscribers.droppedCount(),
        malformedRecords,
        lastChangeAtMillis);
  }

  /** Stops reading, closes the source and ends every client's stream. */
  @Override
  public void close() {
    Thread reader;
    ScoreUpdateSource opened;
    synchronized (this) {
      running = false;
      reader = thread;
      opened = source;
    }
    if (opened != null) {
      opened.wakeup();
    }
    if (reader != null) {
      try {
        reader.join(Duration.ofSeconds(10).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (opened != null) {
      opened.close();
    }
    for (ScoreUpdateListener listener : listeners) {
      listener.reading(false);
    }
    subscribers.endAll("the server is stopping");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "LiveFeed[" + sourceName + "]";
  }
}
