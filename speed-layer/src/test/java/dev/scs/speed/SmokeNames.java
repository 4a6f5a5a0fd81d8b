package dev.scs.speed;

import java.util.UUID;

/** Names no earlier run used, so that runs against a shared stack never collide. */
final class SmokeNames {
  private SmokeNames() {}

  /** {@code prefix} plus eight random hex digits; valid as a CQL, MongoDB and InfluxDB name. */
  static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }
}
