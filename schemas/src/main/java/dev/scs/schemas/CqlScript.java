package dev.scs.schemas;

import java.util.ArrayList;
import java.util.List;

/** Splits a CQL contract file into statements that a driver can execute one at a time. */
public final class CqlScript {
  private CqlScript() {}

  /** Statements without comments or the final semicolon, in file order. */
  public static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String statement = current.toString().strip();
        statements.add(statement.substring(0, statement.length() - 1).strip());
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      throw new IllegalArgumentException("the CQL script ends without a ';': " + current);
    }
    return statements;
  }
}
