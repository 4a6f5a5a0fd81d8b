package dev.scs.stores.dgraph;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import dev.scs.schemas.ContractFile;
import dev.scs.stores.setup.SetupStep;
import dev.scs.stores.setup.SetupStep.Outcome;
import io.dgraph.DgraphClient;
import io.dgraph.DgraphProto.Mutation;
import io.dgraph.DgraphProto.Operation;
import io.dgraph.DgraphProto.Request;
import io.dgraph.Transaction;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies schemas/dgraph/schema.dql (an Alter, which Dgraph applies idempotently) and removes the
 * project's data again: every node of type {@code Citizen}, with its edges. The schema itself is
 * kept on removal, so that writers never meet an unindexed {@code citizen_id}.
 */
public final class DgraphSchemaSetup {
  private static final String STORE = "dgraph";
  private static final Pattern PREDICATE = Pattern.compile("^([a-z_]+)\\s*:", Pattern.MULTILINE);

  private final DgraphClient client;
  private final String schema;

  public DgraphSchemaSetup(DgraphClient client) {
    this(client, ContractFile.DGRAPH_SCHEMA.read());
  }

  DgraphSchemaSetup(DgraphClient client, String schema) {
    this.client = client;
    this.schema = schema;
  }

  /** The predicates the schema declares, in its order. */
  public Set<String> predicates() {
    Set<String> predicates = new LinkedHashSet<>();
    Matcher matcher = PREDICATE.matcher(schema);
    while (matcher.find()) {
      predicates.add(matcher.group(1));
    }
    return predicates;
  }

  public List<SetupStep> apply() {
    Set<String> before = existingPredicates();
    client.alter(Operation.newBuilder().setSchema(schema).build());
    Set<String> missing = new LinkedHashSet<>(predicates());
    missing.removeAll(before);
    Outcome outcome =
        missing.isEmpty()
            ? Outcome.UNCHANGED
            : missing.size() == predicates().size() ? Outcome.CREATED : Outcome.UPDATED;
    String detail = outcome == Outcome.UPDATED ? "added " + String.join(", ", missing) : "";
    return List.of(
        new SetupStep(
            STORE,
            "schema (" + predicates().size() + " predicates, type Citizen)",
            outcome,
            detail));
  }

  /** Deletes every Citizen node and its edges. */
  public List<SetupStep> removeData() {
    long citizens = citizenCount();
    if (citizens == 0) {
      return List.of(SetupStep.of(STORE, "citizen nodes", Outcome.ABSENT));
    }
    Request deleteAll =
        Request.newBuilder()
            .setQuery("{ citizens as var(func: type(" + Dql.TYPE + ")) }")
            .addMutations(
                Mutation.newBuilder().setDelNquads(ByteString.copyFromUtf8("uid(citizens) * * .")))
            .setCommitNow(true)
            .build();
    try (Transaction transaction = client.newTransaction()) {
      transaction.doRequest(deleteAll);
    }
    return List.of(new SetupStep(STORE, "citizen nodes", Outcome.REMOVED, citizens + " nodes"));
  }

  /** How many Citizen nodes the graph holds. */
  public long citizenCount() {
    try (Transaction read = client.newReadOnlyTransaction()) {
      JsonNode answer =
          Dql.parse(read.query("{ n(func: type(" + Dql.TYPE + ")) { count(uid) } }").getJson());
      return answer.path("n").path(0).path("count").asLong(0);
    }
  }

  private Set<String> existingPredicates() {
    Set<String> names = new LinkedHashSet<>();
    try (Transaction read = client.newReadOnlyTransaction()) {
      JsonNode answer = Dql.parse(read.query("schema {}").getJson());
      for (JsonNode predicate : answer.path("schema")) {
        names.add(predicate.path("predicate").asText());
      }
    }
    return names;
  }
}
