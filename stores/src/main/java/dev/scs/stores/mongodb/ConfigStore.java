package dev.scs.stores.mongodb;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.scs.scoring.config.InvalidConfigException;
import dev.scs.scoring.config.ScoringConfigParser;
import dev.scs.scoring.json.Json;
import java.util.Optional;
import org.bson.Document;

/**
 * The scoring config, in collection {@code config}: one document, {@code _id} {@code "current"},
 * holding the config's JSON fields. A config is checked by scoring-core before it is stored.
 */
public final class ConfigStore {
  public static final String COLLECTION = "config";
  public static final String CURRENT_ID = "current";

  private final MongoCollection<Document> config;

  public ConfigStore(MongoDatabase database) {
    this.config = database.getCollection(COLLECTION);
  }

  /** The stored config, or empty before seed stored one. */
  public Optional<CurrentConfig> current() {
    Document document = config.find(Filters.eq("_id", CURRENT_ID)).first();
    if (document == null) {
      return Optional.empty();
    }
    String json = JsonDocuments.write(withoutId(document));
    try {
      return Optional.of(new CurrentConfig(ScoringConfigParser.parse(json), json));
    } catch (InvalidConfigException e) {
      throw new IllegalStateException(
          "the config stored in collection " + COLLECTION + " is not valid: " + e.getMessage(), e);
    }
  }

  /** Checks a config and stores it in place of the current one. */
  public ConfigChange put(String json) throws InvalidConfigException {
    Document document = checked(json);
    Document existing = config.find(Filters.eq("_id", CURRENT_ID)).first();
    if (existing != null
        && JsonDocuments.sameData(withoutId(existing), JsonDocuments.toJson(document))) {
      return ConfigChange.UNCHANGED;
    }
    Document withId = new Document("_id", CURRENT_ID);
    withId.putAll(document);
    config.replaceOne(Filters.eq("_id", CURRENT_ID), withId, new ReplaceOptions().upsert(true));
    return existing == null ? ConfigChange.STORED : ConfigChange.REPLACED;
  }

  /** True when the stored config is this one (compared as stored, numbers and all). */
  public boolean isCurrent(String json) throws InvalidConfigException {
    Document document = checked(json);
    Document existing = config.find(Filters.eq("_id", CURRENT_ID)).first();
    return existing != null
        && JsonDocuments.sameData(withoutId(existing), JsonDocuments.toJson(document));
  }

  private static Document checked(String json) throws InvalidConfigException {
    JsonNode root;
    try {
      root = Json.mapper().readTree(json);
    } catch (JacksonException e) {
      throw new InvalidConfigException(null, "not JSON: " + e.getOriginalMessage());
    }
    ScoringConfigParser.parse(root);
    try {
      return JsonDocuments.toDocument(root);
    } catch (JsonDocuments.InexactNumberException e) {
      throw new InvalidConfigException(e.path(), e.getMessage());
    }
  }

  private static ObjectNode withoutId(Document document) {
    Document copy = new Document(document);
    copy.remove("_id");
    return JsonDocuments.toJson(copy);
  }
}
