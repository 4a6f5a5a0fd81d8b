package dev.scs.stores.mongodb;

import java.util.List;

/** What an import of rule versions did: versions added, and versions stored already, unchanged. */
public record RuleImport(List<String> added, List<String> unchanged) {

  public RuleImport {
    added = List.copyOf(added);
    unchanged = List.copyOf(unchanged);
  }
}
