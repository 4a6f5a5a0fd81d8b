package dev.scs.stores.settings;

import dev.scs.stores.StoreSettings;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The keys one component (a layer, the simulator) adds to the shared store keys, with their
 * defaults, and the one way every component reads its settings. Each component's typed config class
 * holds a {@code ComponentKeys} and turns the {@link ComponentSettings} it reads into typed values.
 *
 * <p>Precedence, highest first: a value given to {@link #read(Map)} (or, through {@link
 * #readSystemProperties()}, a JVM system property named by the key: {@code
 * -Dspeed.trigger-interval=PT5S}, {@code -Dkafka.bootstrap-servers=redpanda:9092}; {@code ./scs}
 * passes them through {@code SCS_JAVA_OPTS}), then the component's default, then the store default.
 * An unknown key is refused, so a typo does not silently fall back to a default.
 */
public final class ComponentKeys {
  private final String component;
  private final Map<String, String> defaults;

  private ComponentKeys(String component, Map<String, String> defaults) {
    this.component = component;
    this.defaults = defaults;
  }

  /**
   * @param component the name an error message uses ({@code speed-layer})
   * @param defaults every key of the component with its default, in the order {@code asMap()} lists
   *     them
   */
  public static ComponentKeys of(String component, Map<String, String> defaults) {
    for (String key : defaults.keySet()) {
      if (StoreSettings.isKey(key)) {
        throw new IllegalArgumentException(key + " is a store key; components cannot redefine it");
      }
    }
    return new ComponentKeys(component, Collections.unmodifiableMap(new LinkedHashMap<>(defaults)));
  }

  /** This component's keys (the store keys are {@link StoreSettings#keys()}). */
  public Set<String> keys() {
    return defaults.keySet();
  }

  public Map<String, String> defaults() {
    return defaults;
  }

  /** The defaults, with each given key (this component's or a store key) replaced. */
  public ComponentSettings read(Map<String, String> given) {
    Map<String, String> own = new LinkedHashMap<>(defaults);
    Map<String, String> storeValues = new LinkedHashMap<>();
    given.forEach(
        (key, value) -> {
          if (defaults.containsKey(key)) {
            own.put(key, value);
          } else if (StoreSettings.isKey(key)) {
            storeValues.put(key, value);
          } else {
            throw new IllegalArgumentException(
                "unknown "
                    + component
                    + " setting "
                    + key
                    + "; known settings: "
                    + defaults.keySet()
                    + " and "
                    + StoreSettings.keys());
          }
        });
    return new ComponentSettings(
        component, Collections.unmodifiableMap(own), StoreSettings.from(storeValues));
  }

  /** The JVM system properties named by this component's keys or a store key, over the defaults. */
  public ComponentSettings readSystemProperties() {
    Properties properties = System.getProperties();
    Map<String, String> given = new LinkedHashMap<>();
    for (String key : properties.stringPropertyNames()) {
      if (defaults.containsKey(key) || StoreSettings.isKey(key)) {
        given.put(key, properties.getProperty(key));
      }
    }
    return read(given);
  }
}
