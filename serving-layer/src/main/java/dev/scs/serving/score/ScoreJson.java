package dev.scs.serving.score;

import static dev.scs.serving.http.JsonResponses.putInstant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scs.serving.http.JsonResponses;

/** The JSON of a served score (schemas/openapi/serving-api.json, schema {@code Score}). */
public final class ScoreJson {
  private ScoreJson() {}

  public static ObjectNode of(ServedScore score) {
    ObjectNode json = JsonResponses.object();
    json.put("citizen_id", score.citizenId());
    putInstant(json, "as_of", score.asOf());
    json.put("raw", score.raw());
    json.put("score", score.score());
    if (score.tier() == null) {
      json.putNull("tier");
    } else {
      json.put("tier", score.tier());
    }
    json.put("firings", score.firings());
    ObjectNode breakdown = json.putObject("breakdown");
    breakdown.put("path", score.path());
    if (score.batchRunId() == null) {
      breakdown.putNull("batch_run_id");
    } else {
      breakdown.put("batch_run_id", score.batchRunId());
    }
    putInstant(breakdown, "watermark", score.watermark());
    breakdown.put("batch_raw", score.batchRaw());
    breakdown.put("batch_firings", score.batchFirings());
    breakdown.put("speed_raw", score.speedRaw());
    breakdown.put("speed_firings", score.speedFirings());
    breakdown.put("speed_source", score.speedSource());
    putInstant(breakdown, "speed_updated_at", score.speedUpdatedAt());
    if (score.stalenessMillis() == null) {
      breakdown.putNull("staleness_ms");
    } else {
      breakdown.put("staleness_ms", score.stalenessMillis());
    }
    return json;
  }
}
