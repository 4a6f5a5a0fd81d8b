package dev.scs.serving.history;

import static dev.scs.serving.http.JsonResponses.putInstant;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scs.serving.http.ApiException;
import dev.scs.serving.http.JsonResponses;
import dev.scs.serving.http.RequestParameters;
import dev.scs.serving.score.CitizenDirectory;
import dev.scs.serving.score.CitizenNotFoundException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/** {@code GET /api/v1/citizens/{id}/history?from=&to=&every=}: score over time. */
public final class HistoryRoutes {
  static final Duration MIN_EVERY = Duration.ofMinutes(1);
  static final Duration MAX_EVERY = Duration.ofDays(365);

  /** At most this many windows per request, so that one request cannot ask for millions. */
  static final long MAX_WINDOWS = 10_000;

  private final ScoreHistory history;
  private final CitizenDirectory citizens;
  private final LongSupplier clock;

  public HistoryRoutes(ScoreHistory history, CitizenDirectory citizens, LongSupplier clock) {
    this.history = history;
    this.citizens = citizens;
    this.clock = clock;
  }

  public void register(Javalin app) {
    app.get("/api/v1/citizens/{id}/history", this::history);
  }

  void history(Context ctx) {
    String citizenId = RequestParameters.citizenId(ctx, "id");
    long to = RequestParameters.instant(ctx, "to", clock.getAsLong());
    long from = RequestParameters.instant(ctx, "from", to - Duration.ofDays(30).toMillis());
    Duration every =
        RequestParameters.duration(ctx, "every", MIN_EVERY, MAX_EVERY, Duration.ofDays(1));
    if (from > to) {
      throw ApiException.badRequest("query parameter from must not be after to");
    }
    if ((to - from) / every.toMillis() > MAX_WINDOWS) {
      throw ApiException.badRequest(
          "from..to holds more than " + MAX_WINDOWS + " windows of every; choose a larger every");
    }
    List<ScoreHistory.HistoryPoint> points = history.history(citizenId, from, to, every);
    if (points.isEmpty() && citizens.find(citizenId).isEmpty()) {
      throw new CitizenNotFoundException(citizenId);
    }
    ObjectNode json = JsonResponses.object();
    json.put("citizen_id", citizenId);
    putInstant(json, "from", from);
    putInstant(json, "to", to);
    json.put("every", every.toString());
    ArrayNode array = json.putArray("points");
    for (ScoreHistory.HistoryPoint point : points) {
      ObjectNode entry = array.addObject();
      putInstant(entry, "time", point.time());
      entry.put("score", point.score()).put("raw", point.raw());
    }
    JsonResponses.ok(ctx, json);
  }
}
