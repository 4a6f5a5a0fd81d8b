package dev.scs.stores;

/**
 * A store did not answer. The message names the store, the address tried and the setting that holds
 * it, and what to do next, so that a command can print it as its one line of error.
 */
public final class StoreUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String store, String address, String setting, Throwable cause) {
    super(
        "cannot reach "
            + store
            + " at "
            + address
            + " (setting "
            + setting
            + "): "
            + reason(cause)
            + "; is it running? see ./scs stack status",
        cause);
  }

  private static String reason(Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.length() > 200 ? message.substring(0, 200) + "..." : message;
  }
}
