package dev.scs.serving.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scs.testing.LocalStackAddresses;
import dev.scs.testing.RequiresLocalStack;
import dev.scs.testing.Service;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The dashboard in headless Chromium, served by the whole serving app on the real stack: score
 * updates produced to the topic appear in the page through the live feed, and a citizen search
 * shows what the REST API answers, section by section (or the API's error where it has none). Saves
 * a screenshot to {@code target/dashboard.png}.
 */
@RequiresLocalStack({Service.KAFKA, Service.CASSANDRA, Service.MONGODB})
class DashboardIT {
  private static final Duration PAGE_WAIT = Duration.ofSeconds(30);
  private static final Path SCREENSHOT = Path.of("target", "dashboard.png");
  private static final ObjectMapper JSON = new ObjectMapper();

  private ServingStackForDashboard stack;

  @BeforeAll
  static void browserIsInstalled() {
    HeadlessChromium.requireInstalled();
  }

  @BeforeEach
  void startServer(LocalStackAddresses addresses) throws Exception {
    stack = ServingStackForDashboard.start(addresses);
  }

  @AfterEach
  void stopServer() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void scoreUpdatesFromTheTopicAppearInThePageAndACitizenSearchShowsWhatTheApiAnswers()
      throws Exception {
    try (HeadlessChromium chromium = HeadlessChromium.start(1400, 1900)) {
      try {
        WebDriver page = chromium.driver();
        page.get(stack.baseUrl() + "/");
        assertThat(page.getTitle()).isEqualTo("scs dashboard");
        chromium.waitUntil(
            PAGE_WAIT,
            "the live feed to read the topic",
            () -> byId(page, "feed-status").getAttribute("class").contains("reading"));

        stack.produceScoreUpdates(
            update("it-c-1", "1000.00", "standard", 4, "2026-11-26T08:00:00.000Z"),
            update("it-c-2", "845.50", "restricted", 9, "2026-11-26T08:00:00.000Z"),
            update("it-c-1", "1012.50", "standard", 5, "2026-11-26T08:00:01.000Z"));

        chromium.waitUntil(
            PAGE_WAIT, "three score changes in the page", () -> changeRows(page).size() == 3);
        List<WebElement> rows = changeRows(page);
        // Newest first: it-c-1's second update, with what it changed since its first.
        assertThat(cells(rows.get(0)))
            .containsExactly(
                "it-c-1", "1,012.50", "+12.50", "standard", "1", "2026-11-26 08:00:01");
        assertThat(cells(rows.get(1)))
            .containsExactly(
                "it-c-2", "845.50", "first seen", "restricted", "–", "2026-11-26 08:00:00");
        chromium.waitUntil(
            PAGE_WAIT,
            "the totals to count the three updates",
            () -> byId(page, "updates-total").getText().equals("3"));
        assertThat(byId(page, "firings-total").getText()).isEqualTo("1");

        // A citizen in the recent changes links to the citizen view; this one has no profile.
        rows.get(1).findElement(By.cssSelector("a.citizen")).click();
        chromium.waitUntil(
            PAGE_WAIT,
            "the unknown citizen's message",
            () -> byId(page, "citizen-message").getText().equals("No citizen it-c-2."));
        assertThat(byId(page, "citizen-id").getAttribute("value")).isEqualTo("it-c-2");
        assertThat(page.getCurrentUrl()).endsWith("/#citizen=it-c-2");

        String citizen = ServingStackForDashboard.SEARCHED_CITIZEN;
        byId(page, "citizen-id").clear();
        byId(page, "citizen-id").sendKeys(citizen);
        byId(page, "citizen-search").click();
        chromium.waitUntil(
            PAGE_WAIT, "the citizen's score", () -> byId(page, "citizen-details").isDisplayed());
        JsonNode score = api("/api/v1/citizens/" + citizen + "/score").json();
        assertThat(byId(page, "citizen-score").getText())
            .isEqualTo(String.format(Locale.ENGLISH, "%,.2f", score.get("score").decimalValue()));
        assertThat(byId(page, "citizen-tier").getText()).isEqualTo(score.get("tier").asText());
        assertThat(byId(page, "citizen-breakdown").getText())
            .contains(
                "from " + ServingStackForDashboard.FIRINGS_OF_SEARCHED_CITIZEN + " firings",
                "run none yet");

        for (String section : List.of("history", "explanation", "network")) {
          String path =
              "/api/v1/citizens/"
                  + citizen
                  + "/"
                  + section
                  + (section.equals("network") ? "?depth=1" : "");
          ApiAnswer answer = api(path);
          showsWhatTheApiAnswers(chromium, page, section, answer);
          if (section.equals("explanation") && answer.status() == 200) {
            assertThat(page.findElements(By.cssSelector("#explanation-table tbody tr")))
                .hasSize(answer.json().get("firings").size());
          }
        }
        showsWhatTheApiAnswers(
            chromium, page, "distribution", api("/api/v1/analytics/distribution"));
        assertThat(byId(page, "page-error").isDisplayed())
            .as("the page's own error line")
            .isFalse();
      } finally {
        // Also when an assertion failed: the page then usually shows why.
        chromium.screenshot(SCREENSHOT);
      }
    }
  }

  /**
   * A section's message line: the API's own error, in red, when it answers one; otherwise a note
   * (the section's content is drawn).
   */
  private static void showsWhatTheApiAnswers(
      HeadlessChromium chromium, WebDriver page, String section, ApiAnswer answer) {
    WebElement message = byId(page, section + "-message");
    chromium.waitUntil(
        PAGE_WAIT,
        "the " + section + " section to show the answer",
        () ->
            !message.getText().startsWith("loading")
                && !message.getText().startsWith("Search a citizen"));
    if (answer.status() == 200) {
      assertThat(message.getAttribute("class"))
          .as(section + ": " + message.getText())
          .isEqualTo("note");
    } else {
      assertThat(message.getAttribute("class")).as(section).isEqualTo("error");
      assertThat(message.getText()).contains(answer.json().get("error").asText());
    }
  }

  private static WebElement byId(WebDriver page, String id) {
    return page.findElement(By.id(id));
  }

  private static List<WebElement> changeRows(WebDriver page) {
    return page.findElements(By.cssSelector("#changes tbody tr"));
  }

  private static List<String> cells(WebElement row) {
    return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
  }

  /** A record as the speed layer writes it (speed-layer TopicRecords.scoreUpdate). */
  private static String update(
      String citizenId, String score, String tier, long firings, String asOf) {
    return "{\"citizen_id\":\"%s\",\"raw\":%s,\"score\":%s,\"tier\":\"%s\",\"firings\":%d,\"as_of\":\"%s\"}"
        .formatted(citizenId, score, score, tier, firings, asOf);
  }

  private record ApiAnswer(int status, JsonNode json) {}

  private ApiAnswer api(String path) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(stack.baseUrl() + path))
                    .header("Accept", "application/json")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return new ApiAnswer(response.statusCode(), JSON.readTree(response.body()));
  }
}
