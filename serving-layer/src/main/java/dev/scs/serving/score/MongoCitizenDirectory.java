package dev.scs.serving.score;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.scs.stores.mongodb.CitizenStore;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/**
 * {@link CitizenDirectory} over the {@code citizens} collection, including the score fields the
 * speed layer writes (schemas/mongodb/collections.json). The id is only ever an equality filter.
 */
public final class MongoCitizenDirectory implements CitizenDirectory {
  private final MongoCollection<Document> citizens;

  public MongoCitizenDirectory(MongoDatabase database) {
    this.citizens = database.getCollection(CitizenStore.COLLECTION);
  }

  @Override
  public Optional<CitizenRecord> find(String citizenId) {
    Document document = citizens.find(Filters.eq("_id", citizenId)).first();
    return document == null ? Optional.empty() : Optional.of(record(citizenId, document));
  }

  private static CitizenRecord record(String citizenId, Document document) {
    Date updatedAt = document.get("score_updated_at", Date.class);
    return new CitizenRecord(
        citizenId,
        document.getString("name"),
        document.getString("region"),
        number(document.get("birth_year")) == null
            ? null
            : number(document.get("birth_year")).intValue(),
        document.getString("occupation"),
        document.getString("household_id"),
        number(document.get("score")) == null ? null : number(document.get("score")).doubleValue(),
        number(document.get("raw")) == null ? null : number(document.get("raw")).doubleValue(),
        document.getString("tier"),
        updatedAt == null ? null : updatedAt.getTime());
  }

  @Override
  public Map<String, CitizenRecord> findAll(Collection<String> citizenIds) {
    Map<String, CitizenRecord> found = new LinkedHashMap<>();
    if (citizenIds.isEmpty()) {
      return found;
    }
    for (Document document : citizens.find(Filters.in("_id", citizenIds))) {
      CitizenRecord record = record(document.getString("_id"), document);
      found.put(record.citizenId(), record);
    }
    return found;
  }

  @Override
  public Set<String> idsInRegion(String region) {
    Set<String> ids = new HashSet<>();
    for (Document document :
        citizens.find(Filters.eq("region", region)).projection(Projections.include("_id"))) {
      ids.add(document.getString("_id"));
    }
    return ids;
  }

  private static Number number(Object value) {
    return value instanceof Number number ? number : null;
  }
}
