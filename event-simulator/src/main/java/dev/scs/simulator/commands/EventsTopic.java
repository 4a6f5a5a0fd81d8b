package dev.scs.simulator.commands;

import dev.scs.simulator.SimulatorConfig;
import dev.scs.stores.kafka.KafkaTopicSetup;

/**
 * The events topic must exist before records go to it: the broker would make a one-partition one.
 */
final class EventsTopic {
  private EventsTopic() {}

  static void require(SimulatorConfig settings) {
    if (new KafkaTopicSetup(settings.stores()).partitions(settings.eventsTopic()).isEmpty()) {
      throw new IllegalArgumentException(
          "topic "
              + settings.eventsTopic()
              + " does not exist at "
              + settings.stores().kafkaBootstrapServers()
              + ": run ./scs seed first (it creates the project's topics)");
    }
  }
}
