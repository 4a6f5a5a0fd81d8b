package dev.scs.testing;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** One quick check that a server answers at an address; slow enough only for a local stack. */
record ServerProbe(Service service, String addressKey, ServerAddress address, boolean http) {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(3);

  static ServerProbe tcp(Service service, String addressKey, ServerAddress address) {
    return new ServerProbe(service, addressKey, address, false);
  }

  static ServerProbe http(Service service, String addressKey, ServerAddress address) {
    return new ServerProbe(service, addressKey, address, true);
  }

  /** Empty when the server answered, else a message that tells the reader what to run. */
  Optional<String> problem() {
    Optional<String> reason = http ? healthProblem() : connectProblem();
    return reason.map(
        why ->
            "%s is not reachable on %s (%s): %s; -D%s=host:port points the tests elsewhere"
                .formatted(service.displayName(), address, why, service.howToStart(), addressKey));
  }

  private Optional<String> connectProblem() {
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(address.host(), address.port()), (int) CONNECT_TIMEOUT.toMillis());
      return Optional.empty();
    } catch (ConnectException refused) {
      return Optional.of("connection refused");
    } catch (SocketTimeoutException timeout) {
      return Optional.of("no answer within " + CONNECT_TIMEOUT.toMillis() + " ms");
    } catch (IOException other) {
      return Optional.of(other.toString());
    }
  }

  private Optional<String> healthProblem() {
    URI health = URI.create("http://" + address + "/health");
    HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    HttpRequest request = HttpRequest.newBuilder(health).timeout(HTTP_TIMEOUT).GET().build();
    try {
      int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status / 100 == 2
          ? Optional.empty()
          : Optional.of("GET " + health + " answered " + status);
    } catch (ConnectException refused) {
      return Optional.of("connection refused");
    } catch (IOException failure) {
      return Optional.of("GET " + health + " failed: " + failure);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while asking " + health);
    }
  }
}
