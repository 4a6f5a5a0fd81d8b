package dev.scs.serving.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One open-loop run: {@code rate} requests per second for a number of seconds over a fixed set of
 * persistent HTTP/1.1 keep-alive connections, with two threads and no allocation per request (the
 * client's CPU stays small next to the server's).
 *
 * <ul>
 *   <li>Request {@code i} is <em>scheduled</em> at {@code start + i / rate}, whatever the answers
 *       do. The calling thread parks until that instant and writes the request's prepared bytes on
 *       an idle connection; when every connection is busy, the request waits in a backlog and goes
 *       out on the next connection that frees up.
 *   <li>A reader thread selects over the connections, finds each response's end from its {@code
 *       Content-Length} ({@link HttpResponseReader}), and records the request's latency as the time
 *       from its <em>scheduled</em> start to its last byte. A stall of the server (or of the
 *       generator) therefore counts against every request it delays, including those that waited in
 *       the backlog: there is no coordinated omission.
 *   <li>Requests still unanswered {@link #DRAIN_SECONDS} after the last one was scheduled are
 *       counted as errors, with their latency up to then.
 * </ul>
 */
final class OpenLoopRun {
  static final int DRAIN_SECONDS = 10;
  private static final int RESPONSE_BUFFER_BYTES = 64 * 1024;
  private static final int REQUEST_BUFFER_BYTES = 1024;

  private final InetSocketAddress address;
  private final byte[][] requests;
  private final int connectionCount;
  private volatile Throwable readerFailure;

  /**
   * @param requests one prepared request per target
   * @param connectionCount persistent connections, each with at most one request in flight
   */
  OpenLoopRun(InetSocketAddress address, byte[][] requests, int connectionCount) {
    this.address = address;
    this.requests = requests;
    this.connectionCount = connectionCount;
  }

  /** What a run measured: per request, its latency in nanoseconds and whether it got a 200. */
  record Outcome(long[] latencyNanos, long ok, long errors, double seconds) {}

  private static final class Connection {
    final SocketChannel channel;
    final ByteBuffer response = ByteBuffer.allocate(RESPONSE_BUFFER_BYTES);
    final ByteBuffer request = ByteBuffer.allocate(REQUEST_BUFFER_BYTES);
    // Written by whichever thread sends on the connection, read by the reader thread.
    volatile int requestIndex = -1;

    Connection(SocketChannel channel) {
      this.channel = channel;
    }
  }

  /**
   * Runs {@code targets.length} requests at {@code rate} per second; request {@code i} asks for
   * {@code requests[targets[i]]}.
   */
  Outcome run(int rate, int[] targets) throws IOException, InterruptedException {
    int total = targets.length;
    long[] scheduled = new long[total];
    long[] latency = new long[total];
    boolean[] done = new boolean[total];
    long[] counts = new long[2]; // ok, errors; written by the reader thread only
    Object lock = new Object();
    ArrayDeque<Connection> idle = new ArrayDeque<>();
    int[] backlog = new int[2]; // [from, to): requests waiting for a connection, in order
    List<Connection> connections = new ArrayList<>();
    try (Selector selector = Selector.open()) {
      for (int c = 0; c < connectionCount; c++) {
        SocketChannel channel = SocketChannel.open(address);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.configureBlocking(false);
        Connection connection = new Connection(channel);
        channel.register(selector, SelectionKey.OP_READ, connection);
        connections.add(connection);
        idle.add(connection);
      }
      long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
      for (int i = 0; i < total; i++) {
        scheduled[i] = start + i * 1_000_000_000L / rate;
      }
      int[] answered = new int[1];
      Thread reader =
          new Thread(
              () -> {
                try {
                  readResponses(
                      selector, targets, scheduled, latency, done, counts, lock, idle, backlog,
                      answered, total);
                } catch (IOException | RuntimeException e) {
                  readerFailure = e;
                }
              },
              "load-reader");
      reader.setDaemon(true);
      reader.start();

      for (int i = 0; i < total; i++) {
        long wait = scheduled[i] - System.nanoTime();
        while (wait > 0) {
          LockSupport.parkNanos(wait);
          wait = scheduled[i] - System.nanoTime();
        }
        Connection connection;
        synchronized (lock) {
          connection = backlog[0] == backlog[1] ? idle.poll() : null;
          if (connection == null) {
            if (backlog[0] == backlog[1]) {
              backlog[0] = i;
            }
            backlog[1] = i + 1;
          }
        }
        if (connection != null) {
          send(connection, i, targets);
        }
      }
      long deadline = scheduled[total - 1] + TimeUnit.SECONDS.toNanos(DRAIN_SECONDS);
      reader.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      reader.interrupt();
      selector.wakeup();
      reader.join(1_000);
      long end = System.nanoTime();
      if (readerFailure != null) {
        throw new IOException("the run failed: " + readerFailure.getMessage(), readerFailure);
      }
      long ok;
      long errors;
      synchronized (lock) {
        ok = counts[0];
        errors = counts[1];
        for (int i = 0; i < total; i++) {
          if (!done[i]) {
            latency[i] = end - scheduled[i];
            errors++;
          }
        }
      }
      return new Outcome(latency, ok, errors, (end - start) / 1e9);
    } finally {
      for (Connection connection : connections) {
        connection.channel.close();
      }
    }
  }

  private void readResponses(
      Selector selector,
      int[] targets,
      long[] scheduled,
      long[] latency,
      boolean[] done,
      long[] counts,
      Object lock,
      ArrayDeque<Connection> idle,
      int[] backlog,
      int[] answered,
      int total)
      throws IOException {
    while (answered[0] < total && !Thread.currentThread().isInterrupted()) {
      selector.select(100);
      Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
      while (keys.hasNext()) {
        SelectionKey key = keys.next();
        keys.remove();
        Connection connection = (Connection) key.attachment();
        int read = connection.channel.read(connection.response);
        if (read < 0) {
          throw new IOException("the server closed a keep-alive connection");
        }
        int length = HttpResponseReader.responseLength(connection.response);
        if (length == HttpResponseReader.INCOMPLETE) {
          continue;
        }
        long now = System.nanoTime();
        if (length == HttpResponseReader.MALFORMED || length != connection.response.position()) {
          throw new IOException(
              "cannot read the server's response (no Content-Length, or more than one response)");
        }
        int request = connection.requestIndex;
        boolean ok = HttpResponseReader.status(connection.response) == 200;
        connection.response.clear();
        int next = -1;
        synchronized (lock) {
          latency[request] = now - scheduled[request];
          done[request] = true;
          counts[ok ? 0 : 1]++;
          answered[0]++;
          if (backlog[0] < backlog[1]) {
            next = backlog[0]++;
          } else {
            idle.add(connection);
          }
        }
        if (next >= 0) {
          send(connection, next, targets);
        }
      }
    }
  }

  private void send(Connection connection, int request, int[] targets) {
    connection.requestIndex = request;
    ByteBuffer bytes = connection.request;
    bytes.clear().put(requests[targets[request]]).flip();
    try {
      while (bytes.hasRemaining()) {
        if (connection.channel.write(bytes) == 0) {
          Thread.onSpinWait();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot send a request to " + address, e);
    }
  }
}
