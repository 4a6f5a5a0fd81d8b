package dev.scs.serving.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scs.scoring.json.Json;
import dev.scs.serving.http.ApiException;
import dev.scs.serving.http.JsonResponses;
import dev.scs.stores.mongodb.RuleImport;
import dev.scs.stores.mongodb.RuleImportRefusedException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/rules} lists the stored versions; {@code POST /api/v1/rules} adds one version
 * (a JSON object) or several (an array). Writing needs the admin API key in header {@value
 * #KEY_HEADER}; without a configured key, writing is disabled. The versions are checked whole with
 * the stored ones by scoring-core, and refused whole naming the rule and field.
 */
public final class RuleRoutes {
  public static final String KEY_HEADER = "X-Admin-Api-Key";
  private static final Logger LOG = LoggerFactory.getLogger(RuleRoutes.class);

  private final RuleCatalog catalog;
  private final byte[] adminKey;
  private final Runnable onChange;

  /**
   * @param adminKey the configured key; empty disables writing
   * @param onChange called after versions were added (to drop cached rules)
   */
  public RuleRoutes(RuleCatalog catalog, String adminKey, Runnable onChange) {
    this.catalog = catalog;
    this.adminKey = adminKey.getBytes(StandardCharsets.UTF_8);
    this.onChange = onChange;
  }

  public void register(Javalin app) {
    app.get("/api/v1/rules", this::list);
    app.post("/api/v1/rules", this::add);
  }

  void list(Context ctx) {
    ObjectNode json = JsonResponses.object();
    json.set("versions", catalog.versions());
    JsonResponses.ok(ctx, json);
  }

  void add(Context ctx) {
    checkKey(ctx.header(KEY_HEADER));
    String contentType = ctx.contentType();
    if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
      throw new ApiException(415, "the body must be JSON (Content-Type: application/json)");
    }
    // Read outside the try: a body over the size limit is a 413 from Javalin, not malformed JSON.
    String text = ctx.body();
    JsonNode body;
    try {
      body = Json.mapper().readTree(text);
    } catch (Exception malformed) {
      throw ApiException.badRequest(
          "the body is not valid JSON: " + firstLine(malformed.getMessage()));
    }
    ArrayNode versions;
    if (body instanceof ArrayNode array) {
      versions = array;
    } else if (body instanceof ObjectNode object) {
      versions = Json.mapper().createArrayNode().add(object);
    } else {
      throw ApiException.badRequest("the body must be a rule version object or an array of them");
    }
    RuleImport imported;
    try {
      imported = catalog.add(JsonResponses.write(versions));
    } catch (RuleImportRefusedException refused) {
      throw ApiException.badRequest(refused.getMessage());
    }
    if (!imported.added().isEmpty()) {
      LOG.info("rule versions added through the API: {}", imported.added());
      onChange.run();
    }
    ObjectNode json = JsonResponses.object();
    ArrayNode added = json.putArray("added");
    imported.added().forEach(added::add);
    ArrayNode unchanged = json.putArray("unchanged");
    imported.unchanged().forEach(unchanged::add);
    JsonResponses.send(ctx, 201, json);
  }

  private void checkKey(String given) {
    if (adminKey.length == 0) {
      throw new ApiException(
          403,
          "rule changes are disabled: the server has no admin API key (setting"
              + " serving.admin-api-key)");
    }
    if (given == null || !MessageDigest.isEqual(adminKey, given.getBytes(StandardCharsets.UTF_8))) {
      throw new ApiException(403, "missing or wrong admin API key in header " + KEY_HEADER);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
