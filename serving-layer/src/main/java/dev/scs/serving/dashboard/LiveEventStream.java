package dev.scs.serving.dashboard;

import dev.scs.serving.live.LiveFeed;
import dev.scs.serving.live.LiveMessage;
import dev.scs.serving.live.LiveSubscription;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.time.Duration;
import java.util.Map;
import org.jetbrains.annotations.NotNull;

/**
 * {@code GET /api/v1/live}: the live feed as server-sent events ({@code snapshot} first, then
 * {@code change} and {@code rates}; see {@code LiveMessages}).
 *
 * <p>Each client is served by its own thread (Javalin's async pool), which takes messages from the
 * client's bounded queue and writes them; the feed's thread never writes to a socket. A client that
 * falls behind gets a last {@code dropped} event and its stream ends (a browser's EventSource then
 * reconnects and starts again from a snapshot).
 */
final class LiveEventStream implements Handler {
  /** A comment this often keeps proxies from closing a quiet stream and finds closed clients. */
  private static final Duration HEARTBEAT = Duration.ofSeconds(15);

  private static final String EVENT_STREAM = "text/event-stream";

  private final LiveFeed feed;

  LiveEventStream(LiveFeed feed) {
    this.feed = feed;
  }

  @Override
  public void handle(@NotNull Context ctx) throws Exception {
    // Javalin's SSE handler answers only this exact Accept header, as EventSource sends it.
    if (!EVENT_STREAM.equals(ctx.header("Accept"))) {
      ctx.status(HttpStatus.NOT_ACCEPTABLE)
          .json(
              Map.of(
                  "error",
                  DashboardRoutes.LIVE_PATH
                      + " is a server-sent event stream: send the header Accept: "
                      + EVENT_STREAM));
      return;
    }
    LiveSubscription subscription = feed.subscribe();
    if (subscription == null) {
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
          .json(Map.of("error", "the live feed serves its maximum of clients; try again later"));
      return;
    }
    new SseHandler(client -> stream(client, subscription)).handle(ctx);
  }

  private static void stream(SseClient client, LiveSubscription subscription) {
    client.onClose(subscription::close);
    try {
      while (subscription.isOpen() && !client.terminated()) {
        LiveMessage message = subscription.next(HEARTBEAT);
        if (message != null) {
          client.sendEvent(message.event(), message.json());
        } else if (subscription.isOpen()) {
          client.sendComment("heartbeat");
        }
      }
      if (subscription.fellBehind() && !client.terminated()) {
        client.sendEvent(
            "dropped", "{\"error\":\"this client fell behind the live feed; reconnect\"}");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      subscription.close();
      client.close();
    }
  }
}
