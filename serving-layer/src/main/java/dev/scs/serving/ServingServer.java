package dev.scs.serving;

import dev.scs.serving.dashboard.DashboardRoutes;
import dev.scs.serving.http.ApiException;
import dev.scs.serving.http.JsonErrorPages;
import dev.scs.serving.http.JsonResponses;
import dev.scs.serving.http.RouteMetrics;
import dev.scs.serving.http.StoreFailures;
import dev.scs.serving.live.LiveFeed;
import dev.scs.serving.score.CitizenNotFoundException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: the REST API ({@link ServingApi}), the OpenAPI document at {@code
 * /openapi.json}, {@code /metrics}, and the dashboard with its live feed. Every error is JSON
 * {@code {"error": ...}}; bodies above {@link #MAX_BODY_BYTES} are refused with 413.
 */
public final class ServingServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ServingServer.class);

  /** Requests with a larger body are refused before their body is read. */
  public static final long MAX_BODY_BYTES = 1_000_000;

  /** Where the build copies schemas/openapi/serving-api.json on the classpath. */
  public static final String OPENAPI_RESOURCE = "openapi/serving-api.json";

  private final Javalin app;

  private ServingServer(Javalin app) {
    this.app = app;
  }

  /** Builds the app without starting it; {@code feed} may be null when there is no dashboard. */
  public static Javalin create(ServingApi api, LiveFeed feed) {
    RouteMetrics metrics = new RouteMetrics();
    byte[] openApi = readOpenApiDocument();
    Javalin app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.http.maxRequestSize = MAX_BODY_BYTES;
              config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorPages()));
              config.requestLogger.http(
                  (ctx, millis) -> {
                    metrics.record(ctx.method().name(), routeOf(ctx), ctx.statusCode(), millis);
                  });
            });
    app.exception(
        ApiException.class, (e, ctx) -> JsonResponses.error(ctx, e.status(), e.getMessage()));
    app.exception(
        CitizenNotFoundException.class, (e, ctx) -> JsonResponses.error(ctx, 404, e.getMessage()));
    app.exception(
        HttpResponseException.class,
        (e, ctx) -> JsonResponses.error(ctx, e.getStatus(), describeHttpError(e, ctx)));
    app.exception(
        Exception.class,
        (e, ctx) -> {
          if (StoreFailures.isStoreFailure(e)) {
            LOG.warn("{} {}: a store did not answer: {}", ctx.method(), ctx.path(), e.toString());
            JsonResponses.error(
                ctx, 503, "a store did not answer, try again: " + StoreFailures.describe(e));
          } else {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            JsonResponses.error(
                ctx, 500, "internal error (" + e.getClass().getSimpleName() + "); see the log");
          }
        });
    app.error(
        404,
        ctx -> {
          if (ctx.result() == null || ctx.result().isEmpty()) {
            JsonResponses.error(ctx, 404, "no endpoint " + ctx.path() + "; see /openapi.json");
          }
        });
    app.error(
        405,
        ctx -> JsonResponses.error(ctx, 405, ctx.method() + " is not allowed on " + ctx.path()));

    app.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
    app.get(
        "/metrics",
        ctx ->
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(metrics.render() + api.renderMetrics()));
    api.register(app);
    if (feed != null) {
      DashboardRoutes.register(app, feed);
      // Without a feed nothing announces speed view changes, and the cache stays off.
      api.scoreUpdateListeners().forEach(feed::addListener);
    }
    return app;
  }

  /** Starts the app on {@code host:port} (port 0 picks a free one). */
  public static ServingServer start(ServingApi api, LiveFeed feed, String host, int port) {
    Javalin app = create(api, feed);
    app.start(host, port);
    LOG.info("serving layer listening on http://{}:{}", host, app.port());
    return new ServingServer(app);
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }

  /** The matched path pattern; "unmatched" for a request no endpoint took. */
  private static String routeOf(Context ctx) {
    try {
      String route = ctx.endpointHandlerPath();
      return route == null || route.isEmpty() ? "unmatched" : route;
    } catch (IllegalStateException noEndpoint) {
      return "unmatched";
    }
  }

  private static String describeHttpError(HttpResponseException e, Context ctx) {
    if (e.getStatus() == 404) {
      return "no endpoint " + ctx.method() + " " + ctx.path() + "; see /openapi.json";
    }
    if (e.getStatus() == 413) {
      return "the request body is larger than " + MAX_BODY_BYTES + " bytes";
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? "HTTP " + e.getStatus() : message;
  }

  static byte[] readOpenApiDocument() {
    try (InputStream in =
        ServingServer.class.getClassLoader().getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the classpath has no " + OPENAPI_RESOURCE);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + OPENAPI_RESOURCE, e);
    }
  }
}
