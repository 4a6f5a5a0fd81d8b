package dev.scs.serving.live;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One live client's queue of messages. The feed's thread only ever offers (never waits): a client
 * whose queue is full has fallen behind and is dropped, so a slow client cannot slow the feed or
 * the other clients. The client's own thread takes the messages and writes them out.
 */
public final class LiveSubscription implements AutoCloseable {
  /** Queued when the subscription ends, so that a client's thread waiting in next() wakes up. */
  private static final LiveMessage END = new LiveMessage("end", "{}");

  private final BlockingQueue<LiveMessage> queue;
  private volatile String endReason;
  private volatile boolean fellBehind;

  LiveSubscription(int capacity) {
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  /** Queues {@code message}; false (and the subscription ends) when the queue is full. */
  boolean offer(LiveMessage message) {
    if (endReason != null) {
      return false;
    }
    if (queue.offer(message)) {
      return true;
    }
    fellBehind = true;
    end("fell behind: " + queue.size() + " messages were waiting");
    return false;
  }

  /**
   * The next message, waiting at most {@code timeout}; {@code null} when none came in time. Once
   * the subscription has ended, queued messages are discarded and this returns {@code null}.
   */
  public LiveMessage next(Duration timeout) throws InterruptedException {
    if (endReason != null) {
      return null;
    }
    LiveMessage message = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return message == END ? null : message;
  }

  public boolean isOpen() {
    return endReason == null;
  }

  /** Why the subscription ended ({@code null} while open). */
  public String endReason() {
    return endReason;
  }

  /** True when the subscription was dropped because its client did not keep up. */
  public boolean fellBehind() {
    return fellBehind;
  }

  void end(String reason) {
    if (endReason == null) {
      endReason = reason;
    }
    queue.clear();
    queue.offer(END);
  }

  /** Ends the subscription from the client's side (it disconnected). */
  @Override
  public void close() {
    end("closed by the client");
  }
}
