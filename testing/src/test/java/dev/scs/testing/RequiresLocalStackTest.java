package dev.scs.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs small test classes through the JUnit engine to see what {@link RequiresLocalStack} does. */
class RequiresLocalStackTest {

  private ServerSocket listeningServer;
  private HttpServer httpServer;

  @AfterEach
  void stopServers() throws IOException {
    if (listeningServer != null) {
      listeningServer.close();
    }
    if (httpServer != null) {
      httpServer.stop(0);
    }
  }

  @Test
  void aTestWhoseServerIsDownFailsInsteadOfBeingSkipped() throws IOException {
    int closedPort = freePort();

    EngineExecutionResults results =
        run(KafkaRequiringCase.class, LocalStackAddresses.KAFKA_KEY, "127.0.0.1:" + closedPort);

    assertThat(results.testEvents().started().count()).isZero();
    assertThat(results.allEvents().skipped().count()).isZero();
    assertThat(results.allEvents().aborted().count()).isZero();
    assertThat(failureMessages(results))
        .containsExactly(
            "Kafka is not reachable on 127.0.0.1:"
                + closedPort
                + " (connection refused): run ./scs stack up kafka (or ./scs stack status to see"
                + " what is down); -Dscs.stack.kafka.address=host:port points the tests"
                + " elsewhere");
  }

  @Test
  void aTestWhoseServerAcceptsConnectionsRunsAndReceivesTheProbedAddresses() throws IOException {
    listeningServer = new ServerSocket(0);
    String address = "127.0.0.1:" + listeningServer.getLocalPort();

    EngineExecutionResults results =
        run(KafkaRequiringCase.class, LocalStackAddresses.KAFKA_KEY, address);

    results.testEvents().assertStatistics(statistics -> statistics.started(1).succeeded(1));
    assertThat(KafkaRequiringCase.receivedKafkaAddress).isEqualTo(address);
  }

  @Test
  void anHttpServerMustAnswerItsHealthEndpointWithSuccess() throws IOException {
    httpServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    httpServer.createContext(
        "/health",
        exchange -> {
          exchange.sendResponseHeaders(503, -1);
          exchange.close();
        });
    httpServer.start();
    String address = "127.0.0.1:" + httpServer.getAddress().getPort();

    EngineExecutionResults results =
        run(InfluxdbRequiringCase.class, LocalStackAddresses.INFLUXDB_KEY, address);

    assertThat(failureMessages(results))
        .singleElement()
        .asString()
        .startsWith(
            "InfluxDB is not reachable on "
                + address
                + " (GET http://"
                + address
                + "/health answered 503): run ./scs stack up influxdb");
  }

  @Test
  void everyUnreachableServerIsListedInOneFailure() throws IOException {
    int closedPort = freePort();
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(KafkaAndCassandraRequiringCase.class))
            .configurationParameter(LocalStackAddresses.KAFKA_KEY, "127.0.0.1:" + closedPort)
            .configurationParameter(LocalStackAddresses.CASSANDRA_KEY, "127.0.0.1:" + closedPort)
            .execute();

    assertThat(failureMessages(results))
        .singleElement()
        .asString()
        .contains("Kafka is not reachable")
        .contains("\nCassandra is not reachable");
  }

  private static EngineExecutionResults run(Class<?> testClass, String key, String address) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(testClass))
        .configurationParameter(key, address)
        .execute();
  }

  private static List<String> failureMessages(EngineExecutionResults results) {
    return results.allEvents().failed().stream()
        .flatMap(event -> event.getPayload(TestExecutionResult.class).stream())
        .flatMap(result -> result.getThrowable().stream())
        .map(Throwable::getMessage)
        .toList();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @RequiresLocalStack(Service.KAFKA)
  static class KafkaRequiringCase {
    static String receivedKafkaAddress;

    @Test
    void recordsTheAddress(LocalStackAddresses addresses) {
      receivedKafkaAddress = addresses.kafka().toString();
    }
  }

  @RequiresLocalStack(Service.INFLUXDB)
  static class InfluxdbRequiringCase {
    @Test
    void neverRuns() {}
  }

  @RequiresLocalStack({Service.KAFKA, Service.CASSANDRA})
  static class KafkaAndCassandraRequiringCase {
    @Test
    void neverRuns() {}
  }
}
