package dev.scs.serving.live;

/**
 * One server-sent event, rendered once and shared by every client's queue.
 *
 * @param event the SSE event name: {@code snapshot}, {@code change} or {@code rates}
 * @param json the event's data, a JSON object on one line
 */
public record LiveMessage(String event, String json) {}
