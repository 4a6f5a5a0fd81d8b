package dev.scs.testing;

/** A host and TCP port, written {@code host:port} in configuration. */
public record ServerAddress(String host, int port) {

  public ServerAddress {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 1 and 65535, but was " + port);
    }
  }

  /**
   * Parses {@code host:port}; {@code key} names the setting in the error message so that the reader
   * knows which value to fix.
   */
  public static ServerAddress parse(String key, String text) {
    int colon = text.lastIndexOf(':');
    if (colon > 0 && colon < text.length() - 1) {
      String host = text.substring(0, colon).trim();
      String port = text.substring(colon + 1).trim();
      if (!host.isEmpty() && port.chars().allMatch(Character::isDigit) && port.length() <= 5) {
        int portNumber = Integer.parseInt(port);
        if (portNumber >= 1 && portNumber <= 65_535) {
          return new ServerAddress(host, portNumber);
        }
      }
    }
    throw new IllegalArgumentException(
        key + " must be host:port (for example 127.0.0.1:9092), but was \"" + text + "\"");
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
