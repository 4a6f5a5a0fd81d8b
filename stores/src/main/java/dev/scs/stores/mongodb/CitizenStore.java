package dev.scs.stores.mongodb;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The registered citizens, in collection {@code citizens}: {@code _id} is the citizen_id, beside
 * the profile fields of the citizen schema and the score fields the speed and batch layers set.
 *
 * <p>Writing profiles sets only their known fields, so a re-import never erases a score or a field
 * the file leaves out. New citizens are inserted in bulk; a known citizen is updated only when a
 * field changed, because FerretDB 1.24 (the local stack) makes inserts cheaper than updates: it
 * holds one SQLite connection per statement of an update command, from a pool of 100 per database,
 * until the command ends, so an update command of 100 statements (or a few large ones at once)
 * deadlocks the whole server. Updates therefore go in commands of {@value #UPDATES_PER_REQUEST}
 * statements. (Each update finds its document through the {@code _id} index only with the stack's
 * patched build, see stack/services/ferretdb.sh; unpatched, every statement scans the collection.)
 */
public final class CitizenStore {
  public static final String COLLECTION = "citizens";

  /** Documents per insert request. */
  public static final int INSERTS_PER_REQUEST = 1000;

  /** Statements per update request; see the class comment for why so few. */
  public static final int UPDATES_PER_REQUEST = 16;

  /** Up to this many profiles, existing ones are looked up by id; above, by one scan. */
  private static final int LOOKUP_LIMIT = 1000;

  private static final String[] PROFILE_FIELDS = {
    "name", "region", "birth_year", "occupation", "household_id"
  };

  private final MongoCollection<Document> citizens;

  public CitizenStore(MongoDatabase database) {
    this.citizens = database.getCollection(COLLECTION);
  }

  /** Registers the citizens or updates their known fields; a later profile of an id wins. */
  public CitizenWrite upsert(List<CitizenProfile> profiles) {
    Map<String, CitizenProfile> byId = new LinkedHashMap<>();
    for (CitizenProfile profile : profiles) {
      byId.merge(profile.citizenId(), profile, CitizenStore::merged);
    }
    Map<String, Document> existing = existing(byId);
    List<Document> inserts = new ArrayList<>();
    List<WriteModel<Document>> updates = new ArrayList<>();
    long unchanged = 0;
    for (CitizenProfile profile : byId.values()) {
      Document stored = existing.get(profile.citizenId());
      Document fields = profile.knownFields();
      if (stored == null) {
        Document document = new Document("_id", profile.citizenId());
        document.putAll(fields);
        inserts.add(document);
      } else if (changes(stored, fields)) {
        updates.add(
            new UpdateOneModel<>(
                Filters.eq("_id", profile.citizenId()),
                new Document("$set", fields),
                new UpdateOptions().upsert(true)));
      } else {
        unchanged++;
      }
    }
    for (int start = 0; start < inserts.size(); start += INSERTS_PER_REQUEST) {
      citizens.insertMany(
          inserts.subList(start, Math.min(inserts.size(), start + INSERTS_PER_REQUEST)),
          new InsertManyOptions().ordered(false));
    }
    for (int start = 0; start < updates.size(); start += UPDATES_PER_REQUEST) {
      citizens.bulkWrite(
          updates.subList(start, Math.min(updates.size(), start + UPDATES_PER_REQUEST)));
    }
    return new CitizenWrite(
        inserts.size(), updates.size(), unchanged + profiles.size() - byId.size());
  }

  private static CitizenProfile merged(CitizenProfile earlier, CitizenProfile later) {
    return new CitizenProfile(
        later.citizenId(),
        later.name() != null ? later.name() : earlier.name(),
        later.region() != null ? later.region() : earlier.region(),
        later.birthYear() != null ? later.birthYear() : earlier.birthYear(),
        later.occupation() != null ? later.occupation() : earlier.occupation(),
        later.householdId() != null ? later.householdId() : earlier.householdId());
  }

  private static boolean changes(Document stored, Document fields) {
    for (Map.Entry<String, Object> field : fields.entrySet()) {
      if (!field.getValue().equals(stored.get(field.getKey()))) {
        return true;
      }
    }
    return false;
  }

  /** The stored profile fields of those of the given ids that are registered. */
  private Map<String, Document> existing(Map<String, CitizenProfile> byId) {
    Map<String, Document> existing = new HashMap<>();
    Bson profileFields = Projections.include(PROFILE_FIELDS);
    if (byId.size() <= LOOKUP_LIMIT) {
      for (Document document :
          citizens.find(Filters.in("_id", byId.keySet())).projection(profileFields)) {
        existing.put(document.getString("_id"), document);
      }
      return existing;
    }
    if (citizens.find().projection(Projections.include("_id")).first() == null) {
      return existing;
    }
    // FerretDB evaluates $in against each document of the collection: one scan is far cheaper.
    for (Document document : citizens.find().projection(profileFields).batchSize(10_000)) {
      String id = document.getString("_id");
      if (byId.containsKey(id)) {
        existing.put(id, document);
      }
    }
    return existing;
  }

  public long count() {
    return citizens.countDocuments();
  }

  public Optional<CitizenProfile> find(String citizenId) {
    return Optional.ofNullable(citizens.find(Filters.eq("_id", citizenId)).first())
        .map(CitizenProfile::fromDocument);
  }

  /**
   * Every citizen id, read in batches as the stream is consumed (the ids of a large population
   * never sit in memory at once). Close the stream, e.g. with try-with-resources, to release the
   * cursor.
   */
  public Stream<String> ids() {
    MongoCursor<Document> cursor =
        citizens.find().projection(Projections.include("_id")).batchSize(10_000).iterator();
    Iterator<String> ids =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return cursor.hasNext();
          }

          @Override
          public String next() {
            return cursor.next().getString("_id");
          }
        };
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(ids, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(cursor::close);
  }
}
