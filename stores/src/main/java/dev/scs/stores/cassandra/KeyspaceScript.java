package dev.scs.stores.cassandra;

import dev.scs.schemas.ContractFile;
import dev.scs.schemas.CqlScript;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements of {@code schemas/cql/keyspace.cql}, with the keyspace the file names replaced by
 * the one the settings ask for, so that tests and other deployments can use the file as it is.
 */
public final class KeyspaceScript {
  private static final Pattern CREATE_KEYSPACE =
      Pattern.compile("(?i)^CREATE\\s+KEYSPACE\\s+IF\\s+NOT\\s+EXISTS\\s+([a-z][a-z0-9_]*)\\b");
  private static final Pattern CREATE_TABLE =
      Pattern.compile(
          "(?i)^CREATE\\s+TABLE\\s+IF\\s+NOT\\s+EXISTS\\s+([a-z][a-z0-9_]*)\\.([a-z][a-z0-9_]*)\\b");
  // Unquoted CQL names are case-insensitive and folded to lower case; allowing only lower case
  // keeps the name in the settings the one the server reports.
  private static final Pattern KEYSPACE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,47}");

  private final String keyspace;
  private final List<String> statements;
  private final List<String> tables;

  private KeyspaceScript(String keyspace, List<String> statements, List<String> tables) {
    this.keyspace = keyspace;
    this.statements = statements;
    this.tables = tables;
  }

  public static KeyspaceScript fromContract() {
    return parse(ContractFile.CQL_KEYSPACE.read());
  }

  /**
   * Reads a script whose first statement creates the keyspace and whose others each create one
   * table of it; anything else is refused, because the setup could not report what it did.
   */
  static KeyspaceScript parse(String cql) {
    List<String> statements = CqlScript.statements(cql);
    if (statements.isEmpty()) {
      throw new IllegalArgumentException("the CQL script has no statements");
    }
    Matcher keyspaceMatch = CREATE_KEYSPACE.matcher(statements.get(0));
    if (!keyspaceMatch.find()) {
      throw new IllegalArgumentException(
          "the CQL script must begin with CREATE KEYSPACE IF NOT EXISTS, but begins with: "
              + firstLine(statements.get(0)));
    }
    String keyspace = keyspaceMatch.group(1).toLowerCase();
    List<String> tables = new ArrayList<>();
    for (String statement : statements.subList(1, statements.size())) {
      Matcher table = CREATE_TABLE.matcher(statement);
      if (!table.find() || !table.group(1).equalsIgnoreCase(keyspace)) {
        throw new IllegalArgumentException(
            "every statement after the first must be CREATE TABLE IF NOT EXISTS "
                + keyspace
                + ".<table>, but one is: "
                + firstLine(statement));
      }
      tables.add(table.group(2).toLowerCase());
    }
    return new KeyspaceScript(keyspace, List.copyOf(statements), List.copyOf(tables));
  }

  /** The keyspace the file itself names. */
  public String keyspace() {
    return keyspace;
  }

  /** The tables the file creates, in file order. */
  public List<String> tables() {
    return tables;
  }

  /** The statements, creating {@code target} instead of the file's keyspace. */
  public List<String> statementsFor(String target) {
    requireValidName(target);
    Pattern qualified = Pattern.compile("(?i)(?<![A-Za-z0-9_\"])" + keyspace + "\\.");
    List<String> renamed = new ArrayList<>();
    for (int index = 0; index < statements.size(); index++) {
      String statement = statements.get(index);
      if (index == 0) {
        Matcher matcher = CREATE_KEYSPACE.matcher(statement);
        matcher.find();
        statement =
            statement.substring(0, matcher.start(1)) + target + statement.substring(matcher.end(1));
      } else {
        statement = qualified.matcher(statement).replaceAll(Matcher.quoteReplacement(target + "."));
      }
      renamed.add(statement);
    }
    return renamed;
  }

  static void requireValidName(String keyspace) {
    if (keyspace == null || !KEYSPACE_NAME.matcher(keyspace).matches()) {
      throw new IllegalArgumentException(
          "cassandra.keyspace must be 1-48 of [a-z0-9_] starting with a letter, but was \""
              + keyspace
              + "\"");
    }
  }

  private static String firstLine(String statement) {
    int newline = statement.indexOf('\n');
    return newline < 0 ? statement : statement.substring(0, newline);
  }
}
