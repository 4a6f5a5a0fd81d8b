package dev.scs.speed.job;

import java.time.Duration;

/**
 * How the query runs: where its checkpoint lives, and either a trigger interval or, with {@code
 * availableNow}, one pass over everything available followed by a stop.
 */
public record StreamSettings(
    String queryName, String checkpointLocation, Duration triggerInterval, boolean availableNow) {}
