package dev.scs.stores.mongodb;

import dev.scs.schemas.ContractFile;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/** One collection of {@code schemas/mongodb/collections.json}: its validator and indexes. */
record CollectionContract(String name, Document validator, List<IndexContract> indexes) {

  /** An index as the file gives it: a name, the key document, and whether it is unique. */
  record IndexContract(String name, Document keys, boolean unique) {}

  static List<CollectionContract> fromContract() {
    return parse(ContractFile.MONGODB_COLLECTIONS.read());
  }

  static List<CollectionContract> parse(String json) {
    Document file = Document.parse(json);
    List<CollectionContract> collections = new ArrayList<>();
    for (Document collection : file.getList("collections", Document.class)) {
      List<IndexContract> indexes = new ArrayList<>();
      for (Document index : collection.getList("indexes", Document.class, List.of())) {
        indexes.add(
            new IndexContract(
                index.getString("name"),
                index.get("keys", Document.class),
                index.getBoolean("unique", false)));
      }
      collections.add(
          new CollectionContract(
              collection.getString("name"),
              collection.get("validator", Document.class),
              List.copyOf(indexes)));
    }
    return List.copyOf(collections);
  }
}
