package dev.scs.speed.mongodb;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.scs.speed.port.CitizenDirectory;
import dev.scs.stores.mongodb.CitizenStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/** The registered citizens: documents of collection citizens, by {@code _id}. */
public final class MongoCitizenDirectory implements CitizenDirectory {
  private static final int IN_CHUNK = 1000;

  private final MongoCollection<Document> citizens;

  public MongoCitizenDirectory(MongoDatabase database) {
    this.citizens = database.getCollection(CitizenStore.COLLECTION);
  }

  @Override
  public Set<String> registeredAmong(Set<String> citizenIds) {
    List<String> all = new ArrayList<>(citizenIds);
    Set<String> registered = new HashSet<>();
    for (int from = 0; from < all.size(); from += IN_CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
      for (Document citizen :
          citizens.find(Filters.in("_id", chunk)).projection(Projections.include("_id"))) {
        registered.add(citizen.getString("_id"));
      }
    }
    return registered;
  }
}
