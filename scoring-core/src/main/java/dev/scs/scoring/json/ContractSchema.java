package dev.scs.scoring.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.scs.schemas.ContractFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A JSON Schema of {@code schemas/json}, applied at run time. The schemas refer to each other by
 * their {@code $id} under {@value #ID_PREFIX}, which is mapped to the classpath copies.
 */
public final class ContractSchema {
  private static final String ID_PREFIX = "https://scs.dev/schemas/";
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V202012,
          builder ->
              builder.schemaMappers(
                  mappers ->
                      mappers.mapPrefix(
                          ID_PREFIX, "classpath:" + ContractFile.CLASSPATH_ROOT + "json/")));

  private final JsonSchema schema;

  private ContractSchema(JsonSchema schema) {
    this.schema = schema;
  }

  public static ContractSchema of(ContractFile file) {
    String name = file.path().substring(file.path().lastIndexOf('/') + 1);
    return new ContractSchema(FACTORY.getSchema(SchemaLocation.of(ID_PREFIX + name)));
  }

  /** Violations, deepest first, so that the most specific one leads. Empty when valid. */
  public List<Violation> validate(JsonNode document) {
    Set<ValidationMessage> messages = schema.validate(document);
    List<Violation> violations = new ArrayList<>();
    for (ValidationMessage message : messages) {
      List<Object> location = elements(message.getInstanceLocation());
      // A missing property is reported at its parent; name the property itself.
      if ("required".equals(message.getType()) && message.getProperty() != null) {
        location.add(message.getProperty());
      }
      violations.add(new Violation(location, message.getError()));
    }
    violations.sort(
        Comparator.comparingInt((Violation violation) -> -violation.location().size())
            .thenComparing(Violation::message));
    return violations;
  }

  private static List<Object> elements(JsonNodePath path) {
    List<Object> elements = new ArrayList<>();
    for (int i = 0; i < path.getNameCount(); i++) {
      elements.add(path.getElement(i));
    }
    return elements;
  }

  /** One violation: the location as property names and array indexes, and what is wrong. */
  public record Violation(List<Object> location, String message) {
    /** The location as a dot path with indexes in brackets, e.g. {@code condition.all[0].op}. */
    public String path(int skip) {
      StringBuilder text = new StringBuilder();
      for (Object element : location.subList(Math.min(skip, location.size()), location.size())) {
        if (element instanceof Integer index) {
          text.append('[').append(index).append(']');
        } else {
          if (text.length() > 0) {
            text.append('.');
          }
          text.append(element);
        }
      }
      return text.toString();
    }
  }
}
