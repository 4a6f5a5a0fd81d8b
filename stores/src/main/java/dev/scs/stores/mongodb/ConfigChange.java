package dev.scs.stores.mongodb;

/** What storing a config did. */
public enum ConfigChange {
  /** There was no config; now there is. */
  STORED,
  /** A different config was replaced. */
  REPLACED,
  /** The same config was stored already. */
  UNCHANGED
}
