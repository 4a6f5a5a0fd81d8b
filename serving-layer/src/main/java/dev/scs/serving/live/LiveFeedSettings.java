package dev.scs.serving.live;

/**
 * The live feed's bounds. They only size memory and fan-out, so they are constants of the serving
 * layer rather than settings a deployment changes.
 *
 * @param windowSeconds the rates' sliding window
 * @param changesKept recent changes kept, and sent to a client when it connects
 * @param citizensRemembered citizens whose latest update is remembered to compute changes
 * @param queueCapacity messages a client may lag behind before it is dropped
 * @param maxClients live clients at once; more are refused with 503
 */
public record LiveFeedSettings(
    int windowSeconds, int changesKept, int citizensRemembered, int queueCapacity, int maxClients) {

  /**
   * One minute of rates; 50 changes (what the dashboard lists); 100 000 citizens (about 20 MB); 1
   * 000 queued messages, a few seconds of a busy speed layer; 32 clients, beyond a team's screens.
   */
  public static LiveFeedSettings defaults() {
    return new LiveFeedSettings(60, 50, 100_000, 1_000, 32);
  }
}
