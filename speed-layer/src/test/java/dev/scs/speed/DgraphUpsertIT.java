package dev.scs.speed;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.scs.stores.StoreSettings;
import dev.scs.testing.LocalStackAddresses;
import dev.scs.testing.RequiresLocalStack;
import dev.scs.testing.Service;
import io.dgraph.DgraphClient;
import io.dgraph.DgraphGrpc;
import io.dgraph.DgraphProto.Mutation;
import io.dgraph.DgraphProto.Operation;
import io.dgraph.DgraphProto.Request;
import io.dgraph.DgraphProto.Response;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Node scores are written with a DQL upsert keyed by citizen id, so a second write must update the
 * node the first one created. Predicates get a random suffix and are dropped afterwards, so the
 * project's own schema in the same Dgraph is left alone.
 */
@RequiresLocalStack(Service.DGRAPH)
class DgraphUpsertIT {

  @Test
  void anUpsertByCitizenIdUpdatesTheNodeItCreatedInsteadOfAddingAnother(
      LocalStackAddresses addresses) throws InterruptedException {
    SpeedLayerConfig config =
        SpeedLayerConfig.from(Map.of(StoreSettings.DGRAPH_ADDRESS, addresses.dgraph().toString()));
    String citizenId = SmokeNames.unique("smoke_citizen_id_");
    String score = SmokeNames.unique("smoke_score_");
    ManagedChannel channel =
        ManagedChannelBuilder.forTarget(config.stores().dgraphAddress()).usePlaintext().build();
    try {
      DgraphClient client = new DgraphClient(DgraphGrpc.newStub(channel));
      client.alter(
          Operation.newBuilder()
              .setSchema(citizenId + ": string @index(exact) @upsert .\n" + score + ": int .")
              .build());
      try {
        upsertScore(client, citizenId, score, 500);
        upsertScore(client, citizenId, score, 512);

        Response response =
            client
                .newReadOnlyTransaction()
                .query(
                    "{ citizens(func: eq(%s, \"citizen-1\")) { %s } }".formatted(citizenId, score));

        assertThat(response.getJson().toStringUtf8())
            .isEqualTo("{\"citizens\":[{\"%s\":512}]}".formatted(score));
      } finally {
        client.alter(Operation.newBuilder().setDropAttr(citizenId).build());
        client.alter(Operation.newBuilder().setDropAttr(score).build());
      }
    } finally {
      channel.shutdown().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static void upsertScore(
      DgraphClient client, String citizenIdPredicate, String scorePredicate, int value) {
    Mutation setScore =
        Mutation.newBuilder()
            .setSetNquads(
                ByteString.copyFromUtf8(
                    "uid(citizen) <%s> \"citizen-1\" .\nuid(citizen) <%s> \"%d\" ."
                        .formatted(citizenIdPredicate, scorePredicate, value)))
            .build();
    Request upsert =
        Request.newBuilder()
            .setQuery(
                "query { citizen as var(func: eq(%s, \"citizen-1\")) }"
                    .formatted(citizenIdPredicate))
            .addMutations(setScore)
            .setCommitNow(true)
            .build();
    client.newTransaction().doRequest(upsert);
  }
}
