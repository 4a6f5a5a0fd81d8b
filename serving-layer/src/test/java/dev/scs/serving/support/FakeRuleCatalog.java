package dev.scs.serving.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.scs.scoring.json.Json;
import dev.scs.scoring.rules.InvalidRuleSetException;
import dev.scs.scoring.rules.RuleSetParser;
import dev.scs.stores.mongodb.RuleImport;
import dev.scs.stores.mongodb.RuleImportRefusedException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rule versions in memory, checked like the real store: the union with the stored versions must be
 * a valid rule set for scoring-core, else nothing is added.
 */
public final class FakeRuleCatalog implements dev.scs.serving.rules.RuleCatalog {
  private final ArrayNode stored = Json.mapper().createArrayNode();

  public FakeRuleCatalog(String initialJsonArray) {
    try {
      Json.mapper().readTree(initialJsonArray).forEach(stored::add);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Override
  public ArrayNode versions() {
    return stored.deepCopy();
  }

  @Override
  public RuleImport add(String jsonArray) throws RuleImportRefusedException {
    JsonNode imported;
    try {
      imported = Json.mapper().readTree(jsonArray);
    } catch (Exception e) {
      throw new RuleImportRefusedException("not JSON", null, null);
    }
    ArrayNode union = stored.deepCopy();
    List<String> added = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    for (JsonNode version : imported) {
      if (contains(version)) {
        unchanged.add(key(version));
      } else {
        union.add(version);
        added.add(key(version));
      }
    }
    try {
      RuleSetParser.parse(union);
    } catch (InvalidRuleSetException e) {
      throw new RuleImportRefusedException(
          "nothing imported, " + e.getMessage(), e.ruleId(), e.field());
    }
    stored.removeAll();
    stored.addAll(union);
    return new RuleImport(added, unchanged);
  }

  private boolean contains(JsonNode version) {
    for (JsonNode existing : stored) {
      if (existing.equals(version)) {
        return true;
      }
    }
    return false;
  }

  private static String key(JsonNode version) {
    return version.path("rule_id").asText() + ":" + version.path("version").asText();
  }
}
