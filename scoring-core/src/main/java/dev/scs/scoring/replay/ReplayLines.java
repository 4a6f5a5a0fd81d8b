package dev.scs.scoring.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scs.scoring.engine.Firing;
import dev.scs.scoring.event.RejectionReason;
import dev.scs.scoring.json.Json;
import dev.scs.scoring.view.Score;

/**
 * The JSON Lines that {@code replay} writes (contract, section 8): one score line per citizen, and
 * optionally the ledger and the rejects, in the same shapes as the public vectors.
 */
public final class ReplayLines {
  private ReplayLines() {}

  /** {@code {"citizen_id", "raw", "score", "tier", "firings"}}. */
  public static String score(String citizenId, Score score) {
    ObjectNode line = Json.mapper().createObjectNode();
    line.put("citizen_id", citizenId);
    line.put("raw", score.raw());
    line.put("score", score.score());
    line.put("tier", score.tier());
    line.put("firings", score.firings());
    return write(line);
  }

  /** A ledger entry; occurred_at and half_life in milliseconds, delta as a decimal string. */
  public static String ledger(Firing firing) {
    ObjectNode line = Json.mapper().createObjectNode();
    line.put("event_id", firing.eventId());
    line.put("citizen_id", firing.citizenId());
    line.put("rule_id", firing.ruleId());
    line.put("rule_version", firing.ruleVersion());
    line.put("occurred_at", firing.occurredAt());
    line.put("delta", firing.delta().toPlainString());
    line.put("half_life", firing.halfLifeMillis());
    return write(line);
  }

  /** The 1-based line number of a rejected input line, its reason, and what was wrong. */
  public static String reject(long lineNumber, RejectionReason reason, String detail) {
    ObjectNode line = Json.mapper().createObjectNode();
    line.put("line", lineNumber);
    line.put("reason", reason.code());
    if (detail != null) {
      line.put("detail", detail);
    }
    return write(line);
  }

  private static String write(ObjectNode line) {
    try {
      return Json.mapper().writeValueAsString(line);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON line", e);
    }
  }
}
