package dev.scs.serving.http;

import dev.scs.stores.StoreUnavailableException;

/**
 * Tells a store that did not answer (503, try again later) from a bug (500). Recognised by the
 * drivers' exception packages so that this class needs none of them on its compile path.
 */
public final class StoreFailures {
  private static final String[] STORE_PACKAGES = {
    "com.datastax.",
    "com.mongodb.",
    "com.influxdb.",
    "io.dgraph.",
    "io.grpc.",
    "java.sql.",
    "org.duckdb.",
    "java.net.",
    "java.io."
  };

  private StoreFailures() {}

  public static boolean isStoreFailure(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof StoreUnavailableException) {
        return true;
      }
      String name = cause.getClass().getName();
      for (String prefix : STORE_PACKAGES) {
        if (name.startsWith(prefix)) {
          return true;
        }
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /** One line: the failure's type and message, without a stack trace. */
  public static String describe(Throwable failure) {
    String message = failure.getMessage();
    String line = failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    int newline = line.indexOf('\n');
    return newline < 0 ? line : line.substring(0, newline);
  }
}
