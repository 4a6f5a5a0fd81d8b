package dev.scs.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The contract files of this module, as they are packaged on the classpath. Code that applies a
 * contract (a validator, a CQL script, an index definition) reads it through this class, so each
 * contract exists once, as a file under {@code schemas/}.
 */
public enum ContractFile {
  EVENT_SCHEMA("json/event.schema.json"),
  RULE_SET_SCHEMA("json/rule-set.schema.json"),
  CONFIG_SCHEMA("json/config.schema.json"),
  CITIZEN_SCHEMA("json/citizen.schema.json"),
  CQL_KEYSPACE("cql/keyspace.cql"),
  MONGODB_COLLECTIONS("mongodb/collections.json"),
  DGRAPH_SCHEMA("dgraph/schema.dql"),
  INFLUXDB_LAYOUT("influxdb/layout.json"),
  PARQUET_LAYOUT("parquet/layout.md"),
  /** The rule set seed loads when given none: every event type covered (rules/README.md). */
  DEFAULT_RULE_SET("rules/default-rules.json"),
  /** The scoring config seed loads when given none. */
  DEFAULT_CONFIG("rules/default-config.json");

  /** Classpath folder that holds every contract file. */
  public static final String CLASSPATH_ROOT = "scs-schemas/";

  private final String path;

  ContractFile(String path) {
    this.path = path;
  }

  /** Path below {@code schemas/} in the source tree, and below {@link #CLASSPATH_ROOT}. */
  public String path() {
    return path;
  }

  public String classpathLocation() {
    return CLASSPATH_ROOT + path;
  }

  public InputStream open() {
    InputStream stream =
        ContractFile.class.getClassLoader().getResourceAsStream(classpathLocation());
    if (stream == null) {
      throw new IllegalStateException(
          "contract file " + classpathLocation() + " is missing from the classpath");
    }
    return stream;
  }

  public String read() {
    try (InputStream stream = open()) {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read contract file " + classpathLocation(), e);
    }
  }
}
