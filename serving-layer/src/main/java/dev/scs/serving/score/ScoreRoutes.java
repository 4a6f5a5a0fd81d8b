package dev.scs.serving.score;

import static dev.scs.serving.http.JsonResponses.putInstant;
import static dev.scs.serving.http.JsonResponses.putNumber;
import static dev.scs.serving.http.JsonResponses.putText;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scs.serving.http.JsonResponses;
import dev.scs.serving.http.RequestParameters;
import io.javalin.Javalin;
import io.javalin.http.Context;

/** {@code GET /api/v1/citizens/{id}/score} (contract, section 9) and the profile. */
public final class ScoreRoutes {
  private final ScoreService scores;
  private final CitizenDirectory citizens;

  public ScoreRoutes(ScoreService scores, CitizenDirectory citizens) {
    this.scores = scores;
    this.citizens = citizens;
  }

  public void register(Javalin app) {
    app.get("/api/v1/citizens/{id}/score", this::score);
    app.get("/api/v1/citizens/{id}", this::profile);
  }

  void score(Context ctx) {
    String citizenId = RequestParameters.citizenId(ctx, "id");
    long asOf = RequestParameters.instant(ctx, "as_of", scores.now());
    JsonResponses.ok(ctx, ScoreJson.bytes(scores.scoreAt(citizenId, asOf)));
  }

  void profile(Context ctx) {
    String citizenId = RequestParameters.citizenId(ctx, "id");
    CitizenRecord record = citizens.find(citizenId).orElse(null);
    // A citizen with firings but no profile (never registered locally) still has a score.
    ServedScore score = scores.scoreAt(citizenId, scores.now());
    if (record == null) {
      record = CitizenRecord.onlyId(citizenId);
    }
    ObjectNode json = JsonResponses.object();
    json.put("citizen_id", citizenId);
    putText(json, "name", record.name());
    putText(json, "region", record.region());
    if (record.birthYear() == null) {
      json.putNull("birth_year");
    } else {
      json.put("birth_year", record.birthYear());
    }
    putText(json, "occupation", record.occupation());
    putText(json, "household_id", record.householdId());
    ObjectNode stored = json.putObject("stored_score");
    putNumber(stored, "score", record.storedScore());
    putNumber(stored, "raw", record.storedRaw());
    putText(stored, "tier", record.storedTier());
    putInstant(stored, "updated_at", record.scoreUpdatedAt());
    json.set("score", ScoreJson.of(score));
    JsonResponses.ok(ctx, json);
  }
}
