package dev.scs.serving.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.scs.scoring.json.Json;
import dev.scs.stores.mongodb.RuleImport;
import dev.scs.stores.mongodb.RuleImportRefusedException;
import dev.scs.stores.mongodb.RuleStore;

/** {@link RuleCatalog} over the shared {@link RuleStore}, which validates with scoring-core. */
public final class MongoRuleCatalog implements RuleCatalog {
  private final RuleStore store;

  public MongoRuleCatalog(RuleStore store) {
    this.store = store;
  }

  @Override
  public ArrayNode versions() {
    try {
      JsonNode parsed = Json.mapper().readTree(store.current().json());
      return parsed instanceof ArrayNode array ? array : Json.mapper().createArrayNode();
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the stored rules: " + e.getMessage(), e);
    }
  }

  @Override
  public RuleImport add(String jsonArray) throws RuleImportRefusedException {
    return store.add(jsonArray);
  }
}
