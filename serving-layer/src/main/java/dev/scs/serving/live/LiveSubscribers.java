package dev.scs.serving.live;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The open live subscriptions, and the fan-out of each message to all of them. Publishing never
 * blocks: a subscription whose queue is full is dropped ({@link LiveSubscription}).
 */
public final class LiveSubscribers {
  private final int queueCapacity;
  private final int maxClients;
  private final List<LiveSubscription> open = new CopyOnWriteArrayList<>();
  private final AtomicLong dropped = new AtomicLong();

  public LiveSubscribers(int queueCapacity, int maxClients) {
    if (queueCapacity < 2 || maxClients < 1) {
      throw new IllegalArgumentException("need a queue of at least 2 and at least one client");
    }
    this.queueCapacity = queueCapacity;
    this.maxClients = maxClients;
  }

  /**
   * A new subscription whose queue starts with {@code first}, or {@code null} when {@code
   * maxClients} are already open.
   */
  LiveSubscription subscribe(LiveMessage first) {
    open.removeIf(subscription -> !subscription.isOpen());
    if (open.size() >= maxClients) {
      return null;
    }
    LiveSubscription subscription = new LiveSubscription(queueCapacity);
    subscription.offer(first);
    open.add(subscription);
    return subscription;
  }

  /** Offers {@code message} to every open subscription, dropping those that fell behind. */
  void publish(LiveMessage message) {
    for (LiveSubscription subscription : open) {
      if (!subscription.offer(message)) {
        if (open.remove(subscription) && subscription.fellBehind()) {
          dropped.incrementAndGet();
        }
      }
    }
  }

  /** Ends every subscription (the feed is closing). */
  void endAll(String reason) {
    open.forEach(subscription -> subscription.end(reason));
    open.clear();
  }

  public int openCount() {
    return (int) open.stream().filter(LiveSubscription::isOpen).count();
  }

  /** Subscriptions dropped because they fell behind, since start. */
  public long droppedCount() {
    return dropped.get();
  }
}
