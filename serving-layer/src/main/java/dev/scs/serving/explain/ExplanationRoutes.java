package dev.scs.serving.explain;

import static dev.scs.serving.http.JsonResponses.putInstant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scs.scoring.engine.Firing;
import dev.scs.scoring.json.Json;
import dev.scs.scoring.rules.RuleSet;
import dev.scs.scoring.rules.RuleVersion;
import dev.scs.scoring.view.LedgerScore;
import dev.scs.scoring.view.Score;
import dev.scs.serving.http.JsonResponses;
import dev.scs.serving.http.RequestParameters;
import dev.scs.serving.score.CanonicalLedger;
import dev.scs.serving.score.CitizenDirectory;
import dev.scs.serving.score.CitizenNotFoundException;
import dev.scs.serving.score.PublishedRun;
import dev.scs.serving.score.ScoreService;
import dev.scs.serving.score.ViewStore;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code GET /api/v1/citizens/{id}/explanation}: every firing up to {@code as_of} from the
 * published run's batch ledger and the speed side of its watermark, in canonical order, each with
 * its archived event, its rule version's description, its delta and its contribution at {@code
 * as_of}. The contributions add up to the score's raw value (contract, sections 5 and 7).
 */
public final class ExplanationRoutes {
  private final ViewStore views;
  private final EventArchive events;
  private final CitizenDirectory citizens;
  private final Supplier<RuleSet> rules;
  private final ScoreService scores;

  public ExplanationRoutes(
      ViewStore views,
      EventArchive events,
      CitizenDirectory citizens,
      Supplier<RuleSet> rules,
      ScoreService scores) {
    this.views = views;
    this.events = events;
    this.citizens = citizens;
    this.rules = rules;
    this.scores = scores;
  }

  public void register(Javalin app) {
    app.get("/api/v1/citizens/{id}/explanation", this::explanation);
  }

  void explanation(Context ctx) {
    String citizenId = RequestParameters.citizenId(ctx, "id");
    long asOf = RequestParameters.instant(ctx, "as_of", scores.now());
    Optional<PublishedRun> run = views.publishedRun();
    Long watermark = run.map(PublishedRun::watermark).orElse(null);
    List<Firing> batch =
        run.map(published -> views.batchLedger(published.runId(), citizenId)).orElse(List.of());
    List<Firing> speed = CanonicalLedger.speedSide(views.speedLedger(citizenId), watermark);
    if (batch.isEmpty() && speed.isEmpty() && citizens.find(citizenId).isEmpty()) {
      throw new CitizenNotFoundException(citizenId);
    }
    Set<Firing> fromSpeed = new HashSet<>(speed);
    List<Firing> ledger = CanonicalLedger.merge(batch, speed);
    Map<String, ArchivedEvent> archived = ledger.isEmpty() ? Map.of() : events.eventsOf(citizenId);
    Map<String, String> descriptions = descriptions(rules.get());

    Score score =
        Score.of(
            LedgerScore.rawAt(ledger, asOf), LedgerScore.firingsAt(ledger, asOf), scores.config());
    ObjectNode json = JsonResponses.object();
    json.put("citizen_id", citizenId);
    putInstant(json, "as_of", asOf);
    json.put("raw", score.raw());
    json.put("score", score.score());
    if (score.tier() == null) {
      json.putNull("tier");
    } else {
      json.put("tier", score.tier());
    }
    if (run.isPresent()) {
      json.put("batch_run_id", run.get().runId());
    } else {
      json.putNull("batch_run_id");
    }
    putInstant(json, "watermark", watermark);
    ArrayNode firings = json.putArray("firings");
    for (Firing firing : ledger) {
      if (firing.occurredAt() > asOf) {
        continue;
      }
      ObjectNode entry = firings.addObject();
      ArchivedEvent event = archived.get(firing.eventId());
      entry.put("event_id", firing.eventId());
      if (event == null) {
        entry.putNull("event_type");
        entry.putNull("event");
      } else {
        entry.put("event_type", event.type());
        entry.set("event", parse(event.rawJson()));
      }
      putInstant(entry, "occurred_at", firing.occurredAt());
      entry.put("rule_id", firing.ruleId());
      entry.put("rule_version", firing.ruleVersion());
      String description = descriptions.get(firing.ruleId() + ":" + firing.ruleVersion());
      if (description == null) {
        entry.putNull("description");
      } else {
        entry.put("description", description);
      }
      entry.put("delta", firing.delta());
      entry.put("half_life_ms", firing.halfLifeMillis());
      entry.put("contribution", firing.contributionAt(asOf));
      entry.put("side", fromSpeed.contains(firing) ? "speed" : "batch");
    }
    JsonResponses.ok(ctx, json);
  }

  private static Map<String, String> descriptions(RuleSet rules) {
    Map<String, String> byKey = new HashMap<>();
    for (RuleVersion version : rules.versions()) {
      byKey.put(version.key(), version.description());
    }
    return byKey;
  }

  /** The archived JSON, or null when it is not an object (it was validated when accepted). */
  private static JsonNode parse(String rawJson) {
    try {
      JsonNode node = rawJson == null ? null : Json.mapper().readTree(rawJson);
      return node != null && node.isObject() ? node : null;
    } catch (Exception unreadable) {
      return null;
    }
  }
}
