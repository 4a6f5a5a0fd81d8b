package dev.scs.serving.explain;

/** An event as the speed layer archived it: its type and the JSON it arrived as. */
public record ArchivedEvent(String eventId, String type, String rawJson) {}
