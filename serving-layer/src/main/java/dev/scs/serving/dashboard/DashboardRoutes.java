package dev.scs.serving.dashboard;

import dev.scs.serving.live.LiveFeed;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The dashboard: one static page at {@code /} with its script and style under {@code /dashboard/},
 * read once from the classpath folder {@code dashboard/}, and the live stream at {@code
 * /api/v1/live} that the page listens to. Everything else the page shows it asks the REST API for,
 * from the browser.
 */
public final class DashboardRoutes {
  static final String LIVE_PATH = "/api/v1/live";

  /** The files of the page, by name, with their content type; nothing else is served. */
  private static final Map<String, String> ASSET_TYPES =
      Map.of(
          "index.html", "text/html; charset=utf-8",
          "dashboard.js", "text/javascript; charset=utf-8",
          "live.js", "text/javascript; charset=utf-8",
          "charts.js", "text/javascript; charset=utf-8",
          "dashboard.css", "text/css; charset=utf-8");

  private DashboardRoutes() {}

  public static void register(Javalin app, LiveFeed feed) {
    Map<String, byte[]> assets = loadAssets();
    app.get("/", ctx -> serve(ctx, "index.html", assets));
    app.get("/dashboard/{asset}", ctx -> serve(ctx, ctx.pathParam("asset"), assets));
    app.get(LIVE_PATH, new LiveEventStream(feed));
  }

  private static void serve(Context ctx, String name, Map<String, byte[]> assets) {
    byte[] content = assets.get(name);
    if (content == null) {
      ctx.status(HttpStatus.NOT_FOUND)
          .json(Map.of("error", "no dashboard file " + name + "; the page is at /"));
      return;
    }
    // The files change only with a new jar; revalidating is cheap and avoids a stale page.
    ctx.header("Cache-Control", "no-cache").contentType(ASSET_TYPES.get(name)).result(content);
  }

  /** Reads every file now, so a jar that lacks one fails at start rather than on a request. */
  private static Map<String, byte[]> loadAssets() {
    Map<String, byte[]> assets = new LinkedHashMap<>();
    for (String name : ASSET_TYPES.keySet()) {
      String resource = "dashboard/" + name;
      try (InputStream in = DashboardRoutes.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("the classpath has no " + resource);
        }
        assets.put(name, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + resource, e);
      }
    }
    return assets;
  }
}
