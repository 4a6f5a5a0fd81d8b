package dev.scs.scoring.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A dot path into the event object, such as {@code payload.days_late} or {@code source}. */
public record FieldPath(String text, String[] segments) {

  public static FieldPath parse(String text) {
    if (text.isEmpty() || text.startsWith(".") || text.endsWith(".") || text.contains("..")) {
      throw new IllegalArgumentException("'" + text + "' is not a dot path such as payload.amount");
    }
    return new FieldPath(text, text.split("\\.", -1));
  }

  /** The value at this path, or {@code null} when a segment is missing or not an object. */
  public JsonNode resolve(ObjectNode document) {
    JsonNode node = document;
    for (String segment : segments) {
      if (node == null || !node.isObject()) {
        return null;
      }
      node = node.get(segment);
    }
    return node;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FieldPath path && path.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
