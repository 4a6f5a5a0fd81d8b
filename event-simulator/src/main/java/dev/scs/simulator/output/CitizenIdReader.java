package dev.scs.simulator.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads the top-level {@code citizen_id} of a line without parsing the rest into a tree, to key a
 * record by it. A line that is not a JSON object, or has no string citizen_id, has no key.
 */
public final class CitizenIdReader {
  private static final JsonFactory JSON = new JsonFactory();

  private CitizenIdReader() {}

  public static String citizenId(String line) {
    try (JsonParser parser = JSON.createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        token = parser.nextToken();
        if (field.equals("citizen_id")) {
          return token == JsonToken.VALUE_STRING ? parser.getText() : null;
        }
        parser.skipChildren();
      }
      return null;
    } catch (IOException malformed) {
      return null;
    }
  }
}
