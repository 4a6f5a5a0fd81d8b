package dev.scs.stores.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.stores.IsolatedStores;
import dev.scs.stores.StoreSettings;
import dev.scs.stores.setup.SetupStep;
import dev.scs.stores.setup.SetupStep.Outcome;
import dev.scs.testing.LocalStackAddresses;
import dev.scs.testing.RequiresLocalStack;
import dev.scs.testing.Service;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@RequiresLocalStack(Service.KAFKA)
class KafkaTopicSetupIT {

  @Test
  void theProjectTopicsAreCreatedOnceWithTheirPartitionsAndDeletedAgain(
      LocalStackAddresses addresses) {
    StoreSettings settings = IsolatedStores.settings(addresses, IsolatedStores.uniqueName());
    ProjectTopics topics = ProjectTopics.defaults().withPrefix(IsolatedStores.uniqueName() + "-");
    KafkaTopicSetup setup = new KafkaTopicSetup(settings);
    try {
      List<SetupStep> first = setup.create(topics.definitions());
      List<SetupStep> second = setup.create(topics.definitions());

      assertThat(first).extracting(SetupStep::outcome).containsOnly(Outcome.CREATED).hasSize(3);
      assertThat(second).extracting(SetupStep::outcome).containsOnly(Outcome.UNCHANGED);
      assertThat(setup.partitions(topics.events())).contains(ProjectTopics.EVENTS_PARTITIONS);
      assertThat(setup.partitions(topics.deadLetters())).contains(1);
      assertThat(setup.partitions(topics.scoreUpdates())).contains(1);
    } finally {
      List<SetupStep> deleted = setup.delete(topics.names());
      assertThat(deleted).extracting(SetupStep::outcome).containsOnly(Outcome.REMOVED);
    }
    assertThat(setup.partitions(topics.events())).isEqualTo(Optional.empty());
  }

  @Test
  void aTopicWithAnotherPartitionCountIsReportedAndLeftAsItIs(LocalStackAddresses addresses) {
    StoreSettings settings = IsolatedStores.settings(addresses, IsolatedStores.uniqueName());
    String name = IsolatedStores.uniqueName() + "-events";
    KafkaTopicSetup setup = new KafkaTopicSetup(settings);
    try {
      setup.create(List.of(new TopicDefinition(name, 2)));

      List<SetupStep> steps = setup.create(List.of(new TopicDefinition(name, 6)));

      assertThat(steps).singleElement().extracting(SetupStep::outcome).isEqualTo(Outcome.SKIPPED);
      assertThat(steps.get(0).detail()).startsWith("it has 2 partitions, the project wants 6");
      assertThat(setup.partitions(name)).contains(2);
    } finally {
      setup.delete(List.of(name));
    }
  }

  @Test
  void aTopicDeletedMomentsAgoCanBeCreatedAgainAtOnce(LocalStackAddresses addresses) {
    StoreSettings settings = IsolatedStores.settings(addresses, IsolatedStores.uniqueName());
    String name = IsolatedStores.uniqueName() + "-events";
    KafkaTopicSetup setup = new KafkaTopicSetup(settings);
    try {
      setup.create(List.of(new TopicDefinition(name, 3)));
      setup.delete(List.of(name));

      List<SetupStep> steps = setup.create(List.of(new TopicDefinition(name, 3)));

      assertThat(steps).extracting(SetupStep::outcome).containsExactly(Outcome.CREATED);
    } finally {
      setup.delete(List.of(name));
    }
  }
}
