package dev.scs.serving.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.scs.schemas.ContractFile;
import dev.scs.testing.LocalStackAddresses;
import dev.scs.testing.RequiresLocalStack;
import dev.scs.testing.Service;
import io.dgraph.DgraphClient;
import io.dgraph.DgraphGrpc;
import io.dgraph.DgraphProto.Mutation;
import io.dgraph.DgraphProto.Operation;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Dgraph adapter on a real Dgraph with the project's schema: ties in both directions with their
 * relation facet, and an injection attempt that finds nothing. Citizen ids are unique to the run
 * and deleted afterwards.
 */
@RequiresLocalStack(Service.DGRAPH)
class DgraphTieSourceIT {

  @Test
  void tiesAreReadInBothDirectionsWithTheirRelation(LocalStackAddresses addresses)
      throws InterruptedException {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String a = "it-" + run + "-a";
    String b = "it-" + run + "-b";
    String c = "it-" + run + "-c";
    ManagedChannel channel =
        ManagedChannelBuilder.forTarget(addresses.dgraph().toString()).usePlaintext().build();
    try {
      DgraphClient client = new DgraphClient(DgraphGrpc.newStub(channel));
      client.alter(Operation.newBuilder().setSchema(ContractFile.DGRAPH_SCHEMA.read()).build());
      String nquads =
          String.join(
              "\n",
              "_:a <citizen_id> \"" + a + "\" .",
              "_:b <citizen_id> \"" + b + "\" .",
              "_:c <citizen_id> \"" + c + "\" .",
              "_:a <tie> _:b (tie_relation=\"friend\") .",
              "_:c <tie> _:b (tie_relation=\"family\") .");
      client
          .newTransaction()
          .mutate(
              Mutation.newBuilder()
                  .setSetNquads(ByteString.copyFromUtf8(nquads))
                  .setCommitNow(true)
                  .build());
      DgraphTieSource source = new DgraphTieSource(client);

      assertThat(source.tiesOf(List.of(b)))
          .containsExactlyInAnyOrder(Tie.of(a, b, "friend"), Tie.of(b, c, "family"));
      assertThat(source.tiesOf(List.of(b + "\") { uid } q2(func: has(citizen_id)"))).isEmpty();
    } finally {
      channel.shutdown().awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
