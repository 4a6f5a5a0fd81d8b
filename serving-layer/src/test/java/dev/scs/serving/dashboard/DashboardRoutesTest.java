package dev.scs.serving.dashboard;

import static dev.scs.serving.live.FakeScoreUpdateSource.scoreUpdate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.serving.live.FakeScoreUpdateSource;
import dev.scs.serving.live.LiveFeed;
import dev.scs.serving.live.LiveFeedSettings;
import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The page's files and the live stream over real HTTP, with the feed reading a fake source. */
class DashboardRoutesTest {
  private final FakeScoreUpdateSource source = new FakeScoreUpdateSource();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private LiveFeed feed;
  private Javalin app;

  @BeforeEach
  void start() {
    feed =
        new LiveFeed(
            () -> source, "fake topic", System::currentTimeMillis, LiveFeedSettings.defaults());
    feed.start();
    app = Javalin.create();
    DashboardRoutes.register(app, feed);
    app.start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    app.stop();
    feed.close();
  }

  @Test
  void thePageAndItsScriptsAreServedFromTheClasspath() throws Exception {
    HttpResponse<String> page = get("/", "text/html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body()).contains("<title>scs dashboard</title>", "/dashboard/live.js");

    for (String script : List.of("dashboard.js", "live.js", "charts.js")) {
      HttpResponse<String> file = get("/dashboard/" + script, "*/*");
      assertThat(file.statusCode()).isEqualTo(200);
      assertThat(file.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
    }
    assertThat(get("/dashboard/dashboard.css", "*/*").body()).contains(".card");
  }

  @Test
  void aFileThatIsNotPartOfThePageIsAJson404() throws Exception {
    HttpResponse<String> missing = get("/dashboard/..%2Fapplication.properties", "*/*");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).startsWith("{\"error\":");
  }

  @Test
  void theLiveStreamRefusesAClientThatDoesNotAskForEvents() throws Exception {
    HttpResponse<String> refused = get("/api/v1/live", "application/json");
    assertThat(refused.statusCode()).isEqualTo(406);
    assertThat(refused.body()).contains("\"error\":", "Accept: text/event-stream");
  }

  @Test
  void theLiveStreamSendsASnapshotThenEachScoreChange() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri("/api/v1/live")).header("Accept", "text/event-stream").build();
    HttpResponse<InputStream> response =
        http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));

    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      assertThat(nextEvent(lines)).first().isEqualTo("event: snapshot");
      source.thenRecords(scoreUpdate("c-42", "987.5", "standard", 7, "2026-11-26T08:00:00Z"));
      List<String> change = nextEventNamed(lines, "change");
      assertThat(change.get(1)).startsWith("data: {\"citizen_id\":\"c-42\",\"score\":987.5");
    }
  }

  @Test
  void aClientBeyondTheFeedsMaximumIsRefusedWithA503() throws Exception {
    try (LiveFeed small =
        new LiveFeed(
            FakeScoreUpdateSource::new,
            "fake topic",
            System::currentTimeMillis,
            new LiveFeedSettings(60, 50, 1_000, 8, 1))) {
      small.start();
      Javalin smallApp = Javalin.create();
      DashboardRoutes.register(smallApp, small);
      smallApp.start("127.0.0.1", 0);
      try {
        URI live = URI.create("http://127.0.0.1:" + smallApp.port() + "/api/v1/live");
        HttpRequest request =
            HttpRequest.newBuilder(live).header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> first =
            http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream stream = first.body()) {
          assertThat(first.statusCode()).isEqualTo(200);
          HttpResponse<String> second = http.send(request, HttpResponse.BodyHandlers.ofString());
          assertThat(second.statusCode()).isEqualTo(503);
          assertThat(second.body()).contains("\"error\":", "maximum of clients");
        }
      } finally {
        smallApp.stop();
      }
    }
  }

  /** The lines of the next event, up to the blank line that ends it (comments skipped). */
  private static List<String> nextEvent(BufferedReader lines) throws Exception {
    List<String> event = new ArrayList<>();
    String line;
    while ((line = lines.readLine()) != null) {
      if (line.isEmpty() && !event.isEmpty()) {
        return event;
      }
      if (!line.isEmpty() && !line.startsWith(":")) {
        event.add(line);
      }
    }
    throw new AssertionError("the stream ended; lines so far: " + event);
  }

  private static List<String> nextEventNamed(BufferedReader lines, String name) throws Exception {
    while (true) {
      List<String> event = nextEvent(lines);
      if (event.get(0).equals("event: " + name)) {
        return event;
      }
    }
  }

  private HttpResponse<String> get(String path, String accept) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).header("Accept", accept).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + app.port() + path);
  }
}
