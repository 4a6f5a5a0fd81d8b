package dev.scs.stores.kafka;

/** A topic the project needs, with the partition count seed gives it. */
public record TopicDefinition(String name, int partitions) {

  public TopicDefinition {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a topic needs a name");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("topic " + name + " needs at least one partition");
    }
  }
}
