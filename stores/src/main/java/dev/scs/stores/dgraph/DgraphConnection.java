package dev.scs.stores.dgraph;

import dev.scs.stores.StoreSettings;
import io.dgraph.DgraphClient;
import io.dgraph.DgraphGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.util.concurrent.TimeUnit;

/**
 * A dgraph4j client on one plaintext gRPC channel to the Alpha at {@code dgraph.address}; closing
 * it shuts the channel down. The client is thread-safe: share one per process.
 */
public final class DgraphConnection implements AutoCloseable {
  private final ManagedChannel channel;
  private final DgraphClient client;

  private DgraphConnection(ManagedChannel channel) {
    this.channel = channel;
    this.client = new DgraphClient(DgraphGrpc.newStub(channel));
  }

  public static DgraphConnection open(StoreSettings settings) {
    return new DgraphConnection(
        ManagedChannelBuilder.forTarget(settings.dgraphAddress())
            .usePlaintext()
            // A micro-batch's upsert of a few thousand citizens is a few hundred kilobytes.
            .maxInboundMessageSize(64 * 1024 * 1024)
            .build());
  }

  public DgraphClient client() {
    return client;
  }

  @Override
  public void close() {
    channel.shutdown();
    try {
      if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
