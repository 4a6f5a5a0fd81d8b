package dev.scs.scoring.rules;

/**
 * At most {@code max} firings within {@code windowMillis} before an event (contract, section 3).
 */
public record Cap(long max, long windowMillis) {}
