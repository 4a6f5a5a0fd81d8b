package dev.scs.serving.rules;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.scs.stores.mongodb.RuleImport;
import dev.scs.stores.mongodb.RuleImportRefusedException;

/** The stored rule versions (MongoDB collection {@code rules}). */
public interface RuleCatalog {

  /** Every stored version as its JSON object. */
  ArrayNode versions();

  /**
   * Adds the versions of a JSON array, checked whole together with the stored ones.
   *
   * @throws RuleImportRefusedException naming the rule and field, when nothing was added
   */
  RuleImport add(String jsonArray) throws RuleImportRefusedException;
}
