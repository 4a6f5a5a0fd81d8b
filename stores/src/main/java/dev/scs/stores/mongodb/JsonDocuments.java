package dev.scs.stores.mongodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scs.scoring.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Converts between JSON trees (numbers as exact decimals, as scoring-core reads them) and MongoDB
 * documents, losslessly or not at all.
 *
 * <p>Integers become 32- or 64-bit integers. Other numbers become doubles, because FerretDB has no
 * Decimal128 (a Decimal128 value makes it drop the connection); a number a double cannot hold
 * exactly, as its shortest decimal text, is refused rather than silently changed, since points are
 * computed in exact decimal arithmetic (contract, section 3). A double is read back as that
 * shortest text, so {@code -0.5} stays {@code -0.5}.
 */
final class JsonDocuments {
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private JsonDocuments() {}

  /** A number that cannot be stored exactly, at a dot path of the document. */
  static final class InexactNumberException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String path;

    InexactNumberException(String path, String problem) {
      super(problem);
      this.path = path;
    }

    String path() {
      return path;
    }
  }

  static Document toDocument(JsonNode object) throws InexactNumberException {
    if (object == null || !object.isObject()) {
      throw new IllegalArgumentException("a document is a JSON object");
    }
    return (Document) toValue(object, "");
  }

  private static Object toValue(JsonNode node, String path) throws InexactNumberException {
    switch (node.getNodeType()) {
      case OBJECT:
        Document document = new Document();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> field = fields.next();
          String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
          document.put(field.getKey(), toValue(field.getValue(), fieldPath));
        }
        return document;
      case ARRAY:
        List<Object> list = new ArrayList<>();
        for (int index = 0; index < node.size(); index++) {
          list.add(toValue(node.get(index), path + "[" + index + "]"));
        }
        return list;
      case STRING:
        return node.textValue();
      case BOOLEAN:
        return node.booleanValue();
      case NULL:
        return null;
      case NUMBER:
        return number(node, path);
      default:
        throw new IllegalArgumentException(path + ": " + node.getNodeType() + " is not JSON data");
    }
  }

  private static Object number(JsonNode node, String path) throws InexactNumberException {
    if (node.isIntegralNumber()) {
      BigInteger value = node.bigIntegerValue();
      if (value.bitLength() < 32) {
        return value.intValue();
      }
      if (value.bitLength() < 64) {
        return value.longValue();
      }
      throw new InexactNumberException(path, node.asText() + " does not fit a 64-bit integer");
    }
    BigDecimal exact = node.decimalValue();
    double stored = exact.doubleValue();
    if (Double.isInfinite(stored)
        || new BigDecimal(Double.toString(stored)).compareTo(exact) != 0) {
      throw new InexactNumberException(
          path,
          exact.toString()
              + " cannot be stored exactly; the store keeps decimals as doubles (about 15"
              + " significant digits)");
    }
    return stored;
  }

  /**
   * True when two trees hold the same data: numbers compare by decimal value ({@code 1000} and
   * {@code 1000.0} are the same), everything else as JSON; object fields in any order.
   */
  static boolean sameData(JsonNode one, JsonNode other) {
    if (one.isNumber() && other.isNumber()) {
      return one.decimalValue().compareTo(other.decimalValue()) == 0;
    }
    if (one.getNodeType() != other.getNodeType() || one.size() != other.size()) {
      return false;
    }
    if (one.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = one.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode counterpart = other.get(field.getKey());
        if (counterpart == null || !sameData(field.getValue(), counterpart)) {
          return false;
        }
      }
      return true;
    }
    if (one.isArray()) {
      for (int index = 0; index < one.size(); index++) {
        if (!sameData(one.get(index), other.get(index))) {
          return false;
        }
      }
      return true;
    }
    return one.equals(other);
  }

  /** JSON text of a tree, numbers as plain decimals (no exponent where none is needed). */
  static String write(JsonNode node) {
    try {
      return Json.mapper().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  static ObjectNode toJson(Document document) {
    return (ObjectNode) toNode(document);
  }

  private static JsonNode toNode(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof Document document) {
      ObjectNode object = NODES.objectNode();
      document.forEach((key, child) -> object.set(key, toNode(child)));
      return object;
    }
    if (value instanceof List<?> list) {
      ArrayNode array = NODES.arrayNode();
      list.forEach(child -> array.add(toNode(child)));
      return array;
    }
    if (value instanceof String text) {
      return NODES.textNode(text);
    }
    if (value instanceof Boolean bool) {
      return NODES.booleanNode(bool);
    }
    if (value instanceof Integer integer) {
      return NODES.numberNode(integer);
    }
    if (value instanceof Long number) {
      return NODES.numberNode(number);
    }
    if (value instanceof Double number) {
      return NODES.numberNode(new BigDecimal(Double.toString(number)));
    }
    if (value instanceof Date date) {
      return NODES.textNode(Instant.ofEpochMilli(date.getTime()).toString());
    }
    if (value instanceof ObjectId id) {
      return NODES.textNode(id.toHexString());
    }
    throw new IllegalStateException(
        "a stored document holds a " + value.getClass().getSimpleName() + ", which is not JSON");
  }
}
