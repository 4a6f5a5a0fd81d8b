package dev.scs.stores.mongodb;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.CreateCollectionOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ValidationOptions;
import dev.scs.stores.mongodb.CollectionContract.IndexContract;
import dev.scs.stores.setup.SetupStep;
import dev.scs.stores.setup.SetupStep.Outcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.Document;

/**
 * Applies {@code schemas/mongodb/collections.json} to one database: each collection, its {@code
 * $jsonSchema} validator and its indexes. Idempotent; and where the server refuses a part, that
 * part is skipped and reported with the server's reason while the rest is applied.
 *
 * <p>FerretDB 1.24 (the local stack) refuses validators: {@code create} with a {@code validator}
 * and {@code collMod} both answer NotImplemented (code 238). It accepts the indexes, unique ones
 * included. MongoDB applies everything.
 */
public final class MongoCollectionSetup {
  private static final String STORE = "mongodb";
  // FerretDB quotes the validator as a Go value with memory addresses; they change every run.
  private static final Pattern GO_VALUE = Pattern.compile("\\s*with value &\\{.*\\}(?= is )");

  private final MongoDatabase database;
  private final List<CollectionContract> contracts;

  public MongoCollectionSetup(MongoDatabase database) {
    this(database, CollectionContract.fromContract());
  }

  MongoCollectionSetup(MongoDatabase database, List<CollectionContract> contracts) {
    this.database = database;
    this.contracts = contracts;
  }

  public List<SetupStep> apply() {
    Set<String> existing = database.listCollectionNames().into(new HashSet<>());
    List<SetupStep> steps = new ArrayList<>();
    for (CollectionContract contract : contracts) {
      if (existing.contains(contract.name())) {
        steps.add(SetupStep.of(STORE, "collection " + contract.name(), Outcome.UNCHANGED));
        steps.add(updateValidator(contract));
      } else {
        steps.addAll(createWithValidator(contract));
      }
      for (IndexContract index : contract.indexes()) {
        steps.add(createIndex(contract.name(), index));
      }
    }
    return steps;
  }

  /** Drops the whole database: everything of the project in this store. */
  public SetupStep dropDatabase() {
    String item = "database " + database.getName();
    boolean existed =
        database.listCollectionNames().first() != null; // a database without collections is none
    database.drop();
    return SetupStep.of(STORE, item, existed ? Outcome.REMOVED : Outcome.ABSENT);
  }

  private List<SetupStep> createWithValidator(CollectionContract contract) {
    String collection = "collection " + contract.name();
    String validator = "validator of " + contract.name();
    if (contract.validator() == null) {
      database.createCollection(contract.name());
      return List.of(SetupStep.of(STORE, collection, Outcome.CREATED));
    }
    try {
      database.createCollection(
          contract.name(),
          new CreateCollectionOptions()
              .validationOptions(new ValidationOptions().validator(contract.validator())));
      return List.of(
          SetupStep.of(STORE, collection, Outcome.CREATED),
          SetupStep.of(STORE, validator, Outcome.CREATED));
    } catch (MongoCommandException refused) {
      database.createCollection(contract.name());
      return List.of(
          SetupStep.of(STORE, collection, Outcome.CREATED),
          new SetupStep(STORE, validator, Outcome.SKIPPED, refusal(refused)));
    }
  }

  private SetupStep updateValidator(CollectionContract contract) {
    String item = "validator of " + contract.name();
    if (contract.validator() == null) {
      return SetupStep.of(STORE, item, Outcome.UNCHANGED);
    }
    Document current = currentValidator(contract.name());
    if (contract.validator().equals(current)) {
      return SetupStep.of(STORE, item, Outcome.UNCHANGED);
    }
    try {
      database.runCommand(
          new Document("collMod", contract.name()).append("validator", contract.validator()));
      return SetupStep.of(STORE, item, Outcome.UPDATED);
    } catch (MongoCommandException refused) {
      return new SetupStep(STORE, item, Outcome.SKIPPED, refusal(refused));
    }
  }

  private Document currentValidator(String collection) {
    Document info = database.listCollections().filter(new Document("name", collection)).first();
    if (info == null || info.get("options") == null) {
      return null;
    }
    return info.get("options", Document.class).get("validator", Document.class);
  }

  private SetupStep createIndex(String collection, IndexContract index) {
    String item = "index " + collection + "." + index.name();
    Map<String, Document> existing = new HashMap<>();
    for (Document present : database.getCollection(collection).listIndexes()) {
      existing.put(present.getString("name"), present);
    }
    Document present = existing.get(index.name());
    if (present != null) {
      boolean same =
          index.keys().equals(present.get("key", Document.class))
              && index.unique() == present.getBoolean("unique", false);
      return same
          ? SetupStep.of(STORE, item, Outcome.UNCHANGED)
          : new SetupStep(
              STORE,
              item,
              Outcome.SKIPPED,
              "an index of that name exists with other keys or options ("
                  + present.toJson()
                  + "); left as is, drop it to have it recreated");
    }
    try {
      database
          .getCollection(collection)
          .createIndex(index.keys(), new IndexOptions().name(index.name()).unique(index.unique()));
      return SetupStep.of(STORE, item, Outcome.CREATED);
    } catch (MongoCommandException refused) {
      return new SetupStep(STORE, item, Outcome.SKIPPED, refusal(refused));
    }
  }

  private static String refusal(MongoCommandException refused) {
    String message = GO_VALUE.matcher(refused.getErrorMessage()).replaceAll("");
    return "the server refused it: "
        + refused.getErrorCodeName()
        + " ("
        + refused.getErrorCode()
        + "): "
        + message;
  }
}
