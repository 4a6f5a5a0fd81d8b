package dev.scs.serving;

import dev.scs.serving.http.HealthCheck;
import dev.scs.serving.http.JsonResponses;
import dev.scs.serving.live.ScoreUpdateListener;
import dev.scs.serving.score.ScoreRoutes;
import dev.scs.serving.score.SpeedViewCache;
import io.javalin.Javalin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The REST API's route groups, each built from the ports it reads (real stores in {@link
 * ServingLayerMain}, hand-written fakes in tests). A group that is not given is not served.
 */
public final class ServingApi {
  private final List<RouteGroup> groups = new ArrayList<>();
  private final List<HealthCheck> healthChecks = new ArrayList<>();
  private SpeedViewCache speedViewCache;

  /** Registers its routes on the app. */
  public interface RouteGroup {
    void register(Javalin app);
  }

  public ServingApi with(RouteGroup group) {
    groups.add(group);
    return this;
  }

  public ServingApi withScores(ScoreRoutes routes) {
    return with(routes::register);
  }

  /**
   * The score endpoints' cache of speed view rows: the server hands it the live feed's score
   * updates (its invalidations) and shows its counters in {@code /metrics}.
   */
  public ServingApi withSpeedViewCache(SpeedViewCache cache) {
    this.speedViewCache = cache;
    return this;
  }

  /** What must hear the live feed's score updates: the speed view cache, when there is one. */
  List<ScoreUpdateListener> scoreUpdateListeners() {
    if (speedViewCache == null) {
      return List.of();
    }
    SpeedViewCache cache = speedViewCache;
    return List.of(
        new ScoreUpdateListener() {
          @Override
          public void scoreUpdated(String citizenId) {
            cache.changed(citizenId);
          }

          @Override
          public void unknownChange() {
            cache.clear();
          }

          @Override
          public void reading(boolean reading) {
            cache.invalidationsFlowing(reading);
          }
        });
  }

  /** Prometheus text of the API's own counters (the speed view cache), empty without any. */
  String renderMetrics() {
    return speedViewCache == null ? "" : speedViewCache.renderMetrics();
  }

  public ServingApi withHealthCheck(HealthCheck check) {
    healthChecks.add(check);
    return this;
  }

  void register(Javalin app) {
    groups.forEach(group -> group.register(app));
    app.get(
        "/health",
        ctx -> {
          Map<String, String> checks = new LinkedHashMap<>();
          boolean ok = true;
          for (HealthCheck check : healthChecks) {
            String result;
            try {
              result = check.check();
            } catch (RuntimeException e) {
              result = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            checks.put(check.name(), result);
            ok &= "ok".equals(result);
          }
          var json = JsonResponses.object().put("status", ok ? "ok" : "degraded");
          var checksJson = json.putObject("checks");
          checks.forEach(checksJson::put);
          JsonResponses.send(ctx, ok ? 200 : 503, json);
        });
  }
}
