package dev.scs.serving.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The OpenAPI document (schemas/openapi/serving-api.json) as a test oracle: finds the operation of
 * a request path, and checks that a response's status is documented for it and its JSON body
 * validates against the documented schema (JSON Schema 2020-12, as OpenAPI 3.1 specifies).
 */
public final class OpenApiContract {
  public static final Path DOCUMENT = Path.of("..", "schemas", "openapi", "serving-api.json");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final OpenApiContract INSTANCE = new OpenApiContract();

  private final JsonNode document;
  private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

  /** Operations seen by any test, as "METHOD template status". */
  private final Set<String> exercised = ConcurrentHashMap.newKeySet();

  private OpenApiContract() {
    try {
      document = MAPPER.readTree(Files.readString(DOCUMENT));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static OpenApiContract instance() {
    return INSTANCE;
  }

  public JsonNode document() {
    return document;
  }

  public Set<String> exercised() {
    return exercised;
  }

  /** The documented path template that the request path matches, or null. */
  public String templateOf(String path) {
    Iterator<String> templates = document.get("paths").fieldNames();
    while (templates.hasNext()) {
      String template = templates.next();
      String regex = "\\Q" + template.replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E";
      if (Pattern.matches(regex, path)) {
        return template;
      }
    }
    return null;
  }

  /** Asserts the response is documented and matches its schema. */
  public void check(String method, String path, int status, String contentType, String body) {
    String template = templateOf(path);
    JsonNode schema;
    if (template == null) {
      // An undocumented path answers the API's error shape.
      schema = MAPPER.createObjectNode().put("$ref", "#/components/schemas/Error");
    } else {
      JsonNode operation = document.get("paths").get(template).get(method.toLowerCase());
      assertThat(operation).as("%s %s is documented", method, template).isNotNull();
      JsonNode response = operation.get("responses").get(String.valueOf(status));
      assertThat(response)
          .as("status %s of %s %s is documented (body %s)", status, method, template, body)
          .isNotNull();
      exercised.add(method + " " + template + " " + status);
      JsonNode content = response.get("content");
      String mediaType = contentType == null ? "" : contentType.split(";")[0].trim();
      assertThat(content.has(mediaType))
          .as(
              "%s %s answers %s with a documented content type, got %s",
              method, template, status, contentType)
          .isTrue();
      if (!mediaType.equals("application/json")) {
        return;
      }
      schema = content.get(mediaType).get("schema");
    }
    JsonNode json;
    try {
      json = MAPPER.readTree(body);
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " answered no JSON: " + body, e);
    }
    Set<ValidationMessage> errors = schemaOf(schema).validate(json);
    assertThat(errors).as("%s %s -> %s: %s", method, path, status, body).isEmpty();
  }

  private JsonSchema schemaOf(JsonNode schema) {
    return schemas.computeIfAbsent(
        schema.toString(),
        key -> {
          ObjectNode root = MAPPER.createObjectNode();
          root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
          root.setAll((ObjectNode) schema);
          root.set("components", document.get("components"));
          SchemaValidatorsConfig config =
              SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
          return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
              .getSchema(root, config);
        });
  }
}
