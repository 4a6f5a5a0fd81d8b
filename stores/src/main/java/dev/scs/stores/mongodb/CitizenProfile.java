package dev.scs.stores.mongodb;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scs.schemas.ContractFile;
import dev.scs.scoring.json.ContractSchema;
import dev.scs.scoring.json.Json;
import java.util.List;
import org.bson.Document;

/**
 * A synthetic citizen's profile (schemas/json/citizen.schema.json): only the id is required; a
 * field that is {@code null} here is unknown and left as it is in the store.
 */
public record CitizenProfile(
    String citizenId,
    String name,
    String region,
    Integer birthYear,
    String occupation,
    String householdId) {

  private static final ContractSchema SCHEMA = ContractSchema.of(ContractFile.CITIZEN_SCHEMA);

  public CitizenProfile {
    if (citizenId == null || citizenId.isEmpty()) {
      throw new IllegalArgumentException("a citizen profile needs a citizen_id");
    }
  }

  public static CitizenProfile onlyId(String citizenId) {
    return new CitizenProfile(citizenId, null, null, null, null, null);
  }

  /** Reads one line of a citizens file, checked against the citizen schema. */
  public static CitizenProfile fromJson(String line) throws InvalidCitizenException {
    JsonNode root;
    try {
      root = Json.mapper().readTree(line);
    } catch (JacksonException e) {
      throw new InvalidCitizenException(null, "not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new InvalidCitizenException(null, "a citizen is a JSON object");
    }
    List<ContractSchema.Violation> violations = SCHEMA.validate(root);
    if (!violations.isEmpty()) {
      throw new InvalidCitizenException(violations.get(0).path(0), violations.get(0).message());
    }
    return new CitizenProfile(
        root.get("citizen_id").textValue(),
        text(root, "name"),
        text(root, "region"),
        root.hasNonNull("birth_year") ? root.get("birth_year").intValue() : null,
        text(root, "occupation"),
        text(root, "household_id"));
  }

  private static String text(JsonNode root, String field) {
    JsonNode value = root.get(field);
    return value == null || value.isNull() ? null : value.textValue();
  }

  /** The known profile fields, under the names of the collection's documents. */
  Document knownFields() {
    Document fields = new Document();
    putIfKnown(fields, "name", name);
    putIfKnown(fields, "region", region);
    putIfKnown(fields, "birth_year", birthYear);
    putIfKnown(fields, "occupation", occupation);
    putIfKnown(fields, "household_id", householdId);
    return fields;
  }

  private static void putIfKnown(Document fields, String key, Object value) {
    if (value != null) {
      fields.put(key, value);
    }
  }

  static CitizenProfile fromDocument(Document document) {
    return new CitizenProfile(
        document.getString("_id"),
        document.getString("name"),
        document.getString("region"),
        document.getInteger("birth_year"),
        document.getString("occupation"),
        document.getString("household_id"));
  }
}
