package dev.scs.serving.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scs.scoring.json.Json;
import dev.scs.scoring.time.Instants;
import io.javalin.http.Context;
import java.io.UncheckedIOException;

/** Writes JSON bodies and the API's error shape {@code {"error": ...}}. */
public final class JsonResponses {
  private static final ObjectMapper MAPPER = Json.mapper();

  private JsonResponses() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static void send(Context ctx, int status, JsonNode body) {
    ctx.status(status).contentType("application/json").result(write(body));
  }

  public static void ok(Context ctx, JsonNode body) {
    send(ctx, 200, body);
  }

  /** A 200 with a body already written as UTF-8 JSON. */
  public static void ok(Context ctx, byte[] json) {
    ctx.status(200).contentType("application/json").result(json);
  }

  public static void error(Context ctx, int status, String message) {
    send(ctx, status, errorBody(message));
  }

  public static ObjectNode errorBody(String message) {
    return object().put("error", message == null || message.isBlank() ? "error" : message);
  }

  public static String write(JsonNode body) {
    try {
      return MAPPER.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Puts an instant as RFC 3339 text, or JSON null. */
  public static void putInstant(ObjectNode node, String field, Long epochMillis) {
    if (epochMillis == null) {
      node.putNull(field);
    } else {
      node.put(field, Instants.format(epochMillis));
    }
  }

  /** Puts text, or JSON null. */
  public static void putText(ObjectNode node, String field, String value) {
    if (value == null) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }

  /** Puts a number, or JSON null for a missing one and for NaN and infinities (not JSON). */
  public static void putNumber(ObjectNode node, String field, Double value) {
    if (value == null || value.isNaN() || value.isInfinite()) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }

  /** Puts a count, or JSON null. */
  public static void putCount(ObjectNode node, String field, Long value) {
    if (value == null) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }
}
