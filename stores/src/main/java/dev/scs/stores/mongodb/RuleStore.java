package dev.scs.stores.mongodb;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import dev.scs.scoring.json.Json;
import dev.scs.scoring.rules.InvalidRuleSetException;
import dev.scs.scoring.rules.RuleSetParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The rule set, in collection {@code rules}: one document per rule version, holding the version's
 * JSON fields and {@code _id} {@code "<rule_id>:<version>"}.
 *
 * <p>Versions are only ever added. An import is checked whole, together with the versions already
 * stored, by scoring-core's {@link RuleSetParser}, and refused whole (nothing written) when the
 * union is not a valid rule set: versions of one rule overlapping in time, a version number stored
 * already with other content, or anything that breaks the contract's grammar. A version stored
 * already with the same content is left as it is, so that importing a file twice changes nothing.
 */
public final class RuleStore {
  public static final String COLLECTION = "rules";

  private final MongoCollection<Document> rules;

  public RuleStore(MongoDatabase database) {
    this.rules = database.getCollection(COLLECTION);
  }

  /**
   * Every stored version. Fails when the stored set is not valid, which only a write that bypassed
   * this class can cause.
   */
  public CurrentRuleSet current() {
    ArrayNode versions = Json.mapper().createArrayNode();
    stored().values().forEach(versions::add);
    String json = JsonDocuments.write(versions);
    try {
      return new CurrentRuleSet(RuleSetParser.parse(json), json);
    } catch (InvalidRuleSetException e) {
      throw new IllegalStateException(
          "the rules stored in collection "
              + COLLECTION
              + " are not a valid set: "
              + e.getMessage(),
          e);
    }
  }

  /** The number of stored versions. */
  public long size() {
    return rules.countDocuments();
  }

  /** Adds the versions of a JSON array of rule versions; see the class comment for the checks. */
  public RuleImport add(String json) throws RuleImportRefusedException {
    JsonNode imported = parseArray(json);
    try {
      RuleSetParser.parse(imported);
    } catch (InvalidRuleSetException e) {
      throw new RuleImportRefusedException(
          "nothing imported, " + e.getMessage(), e.ruleId(), e.field());
    }
    Map<String, ObjectNode> stored = stored();
    Map<String, Document> toInsert = new LinkedHashMap<>();
    List<String> unchanged = new ArrayList<>();
    for (JsonNode version : imported) {
      String key = version.get("rule_id").textValue() + ":" + version.get("version").intValue();
      Document document = document(version);
      ObjectNode normalised = JsonDocuments.toJson(document);
      ObjectNode existing = stored.get(key);
      if (existing == null) {
        Document withId = new Document("_id", key);
        withId.putAll(document);
        toInsert.put(key, withId);
      } else if (JsonDocuments.sameData(existing, normalised)) {
        unchanged.add(key);
      } else {
        throw new RuleImportRefusedException(
            "nothing imported, rule '"
                + version.get("rule_id").textValue()
                + "', field 'version': version "
                + version.get("version").intValue()
                + " is stored already with other content; a stored version never changes, add a"
                + " new version instead",
            version.get("rule_id").textValue(),
            "version");
      }
    }
    checkTogetherWithStored(stored, toInsert);
    if (!toInsert.isEmpty()) {
      rules.insertMany(new ArrayList<>(toInsert.values()));
    }
    return new RuleImport(new ArrayList<>(toInsert.keySet()), unchanged);
  }

  private static JsonNode parseArray(String json) throws RuleImportRefusedException {
    try {
      JsonNode root = Json.mapper().readTree(json);
      if (root != null && root.isArray()) {
        return root;
      }
    } catch (JacksonException e) {
      throw new RuleImportRefusedException(
          "nothing imported, the rules are not JSON: " + e.getOriginalMessage(), null, null);
    }
    throw new RuleImportRefusedException(
        "nothing imported, a rule set is a JSON array of rule versions", null, null);
  }

  private static Document document(JsonNode version) throws RuleImportRefusedException {
    try {
      return JsonDocuments.toDocument(version);
    } catch (JsonDocuments.InexactNumberException e) {
      String ruleId = version.get("rule_id").textValue();
      throw new RuleImportRefusedException(
          "nothing imported, rule '" + ruleId + "', field '" + e.path() + "': " + e.getMessage(),
          ruleId,
          e.path());
    }
  }

  private static void checkTogetherWithStored(
      Map<String, ObjectNode> stored, Map<String, Document> toInsert)
      throws RuleImportRefusedException {
    if (stored.isEmpty() || toInsert.isEmpty()) {
      return;
    }
    ArrayNode union = Json.mapper().createArrayNode();
    stored.values().forEach(union::add);
    toInsert.values().forEach(document -> union.add(withoutId(document)));
    try {
      RuleSetParser.parse(union);
    } catch (InvalidRuleSetException e) {
      throw new RuleImportRefusedException(
          "nothing imported, "
              + e.getMessage()
              + " (checked together with the "
              + stored.size()
              + " versions stored already)",
          e.ruleId(),
          e.field());
    }
  }

  /** Stored versions without {@code _id}, by key, ordered by rule_id and version. */
  private Map<String, ObjectNode> stored() {
    Map<String, ObjectNode> stored = new LinkedHashMap<>();
    for (Document document :
        rules.find().sort(Sorts.ascending("rule_id", "version")).batchSize(1000)) {
      String key = document.getString("_id");
      stored.put(key, withoutId(document));
    }
    return stored;
  }

  private static ObjectNode withoutId(Document document) {
    Document copy = new Document(document);
    copy.remove("_id");
    return JsonDocuments.toJson(copy);
  }
}
