package dev.scs.speed.scoring;

import dev.scs.scoring.event.RejectionReason;
import dev.scs.speed.source.IncomingRecord;

/**
 * A rejected record (contract, section 2): the record itself, bytes and Kafka coordinates intact,
 * with the reason and a detail that names the field at fault.
 */
public record DeadLetter(IncomingRecord record, RejectionReason reason, String detail) {}
