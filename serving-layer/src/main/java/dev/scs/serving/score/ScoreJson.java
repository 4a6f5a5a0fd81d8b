package dev.scs.serving.score;

import static dev.scs.serving.http.JsonResponses.putInstant;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scs.scoring.json.Json;
import dev.scs.scoring.time.Instants;
import dev.scs.serving.http.JsonResponses;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON of a served score (schemas/openapi/serving-api.json, schema {@code Score}): as a tree
 * ({@link #of}) to nest in a larger answer, and as bytes ({@link #bytes}) for the score endpoint,
 * written straight from the record without the tree: the endpoint is the hot path (issue 7). Both
 * give the same text, which ScoreJsonTest checks.
 */
public final class ScoreJson {
  private ScoreJson() {}

  /** The UTF-8 text of {@link #of}, written directly. */
  public static byte[] bytes(ServedScore score) {
    try (ByteArrayBuilder out = new ByteArrayBuilder(512);
        JsonGenerator json = Json.mapper().getFactory().createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("citizen_id", score.citizenId());
      writeInstant(json, "as_of", score.asOf());
      json.writeNumberField("raw", score.raw());
      json.writeNumberField("score", score.score());
      json.writeStringField("tier", score.tier());
      json.writeNumberField("firings", score.firings());
      json.writeObjectFieldStart("breakdown");
      json.writeStringField("path", score.path());
      json.writeStringField("batch_run_id", score.batchRunId());
      writeInstant(json, "watermark", score.watermark());
      json.writeNumberField("batch_raw", score.batchRaw());
      json.writeNumberField("batch_firings", score.batchFirings());
      json.writeNumberField("speed_raw", score.speedRaw());
      json.writeNumberField("speed_firings", score.speedFirings());
      json.writeStringField("speed_source", score.speedSource());
      writeInstant(json, "speed_updated_at", score.speedUpdatedAt());
      if (score.stalenessMillis() == null) {
        json.writeNullField("staleness_ms");
      } else {
        json.writeNumberField("staleness_ms", score.stalenessMillis());
      }
      json.writeEndObject();
      json.writeEndObject();
      json.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeInstant(JsonGenerator json, String field, Long epochMillis)
      throws IOException {
    if (epochMillis == null) {
      json.writeNullField(field);
    } else {
      json.writeStringField(field, Instants.format(epochMillis));
    }
  }

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
