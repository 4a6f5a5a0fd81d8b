package dev.scs.speed.scoring;

/**
 * The batch run readers see (table published_run): its id names its batch_view rows, and its
 * watermark splits the events between the batch view and the speed view (contract, section 7).
 */
public record PublishedRun(String runId, long watermark) {}
