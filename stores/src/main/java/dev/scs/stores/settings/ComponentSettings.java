package dev.scs.stores.settings;

import dev.scs.stores.StoreSettings;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * One component's settings as read by {@link ComponentKeys}: its own values by key, and the store
 * settings every component shares. The typed getters refuse a malformed value with the key named,
 * so a typed config class stays a list of keys, defaults and meanings.
 */
public final class ComponentSettings {
  private final String component;
  private final Map<String, String> values;
  private final StoreSettings stores;

  ComponentSettings(String component, Map<String, String> values, StoreSettings stores) {
    this.component = component;
    this.values = values;
    this.stores = stores;
  }

  /** The component's keys with their values, in the order of its defaults. */
  public Map<String, String> asMap() {
    return values;
  }

  public StoreSettings stores() {
    return stores;
  }

  public String text(String key) {
    String value = values.get(key);
    if (value == null) {
      throw new IllegalArgumentException(component + " has no setting " + key);
    }
    return value;
  }

  /** A whole number of at least 1. */
  public int positiveInt(String key) {
    String value = text(key);
    try {
      int number = Integer.parseInt(value.trim());
      if (number >= 1) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below, with the key
    }
    throw malformed(key, value, "a whole number of at least 1");
  }

  /** {@code true} or {@code false}, nothing else. */
  public boolean flag(String key) {
    String value = text(key).trim();
    if (value.equals("true") || value.equals("false")) {
      return Boolean.parseBoolean(value);
    }
    throw malformed(key, value, "true or false");
  }

  /** A positive ISO-8601 duration ({@code PT5S}, {@code P730D}). */
  public Duration positiveDuration(String key) {
    String value = text(key).trim();
    try {
      Duration duration = Duration.parse(value);
      if (!duration.isNegative() && !duration.isZero()) {
        return duration;
      }
    } catch (DateTimeParseException e) {
      // reported below, with the key
    }
    throw malformed(key, value, "a positive ISO-8601 duration such as PT5S or P30D");
  }

  private IllegalArgumentException malformed(String key, String value, String expected) {
    return new IllegalArgumentException(
        key + " must be " + expected + ", but was \"" + value + "\"");
  }
}
