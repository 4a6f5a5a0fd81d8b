package dev.scs.stores.kafka;

import dev.scs.stores.StoreSettings;
import dev.scs.stores.StoreUnavailableException;
import dev.scs.stores.setup.SetupStep;
import dev.scs.stores.setup.SetupStep.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates and deletes topics with the admin client. Creating is idempotent: a topic that exists is
 * left as it is, and a different partition count is reported rather than changed, since changing it
 * would move keys to other partitions.
 */
public final class KafkaTopicSetup {
  private static final String STORE = "kafka";
  private static final long WAIT_SECONDS = 30;

  private final StoreSettings settings;

  public KafkaTopicSetup(StoreSettings settings) {
    this.settings = settings;
  }

  public List<SetupStep> create(List<TopicDefinition> topics) {
    try (Admin admin = Admin.create(KafkaClientProperties.admin(settings))) {
      Set<String> existing = topicNames(admin);
      List<SetupStep> steps = new ArrayList<>();
      for (TopicDefinition topic : topics) {
        steps.add(
            existing.contains(topic.name())
                ? compare(admin, topic)
                : createWaitingForDeletion(admin, topic));
      }
      return steps;
    }
  }

  /** Deletes the topics that exist and waits until the broker no longer lists them. */
  public List<SetupStep> delete(List<String> topics) {
    try (Admin admin = Admin.create(KafkaClientProperties.admin(settings))) {
      Set<String> existing = topicNames(admin);
      List<String> present = topics.stream().filter(existing::contains).toList();
      if (!present.isEmpty()) {
        get(admin.deleteTopics(present).all());
        waitUntilGone(admin, present);
      }
      return topics.stream()
          .map(
              name ->
                  SetupStep.of(
                      STORE,
                      "topic " + name,
                      present.contains(name) ? Outcome.REMOVED : Outcome.ABSENT))
          .toList();
    }
  }

  public boolean exists(String topic) {
    try (Admin admin = Admin.create(KafkaClientProperties.admin(settings))) {
      return topicNames(admin).contains(topic);
    }
  }

  /** Partition count of an existing topic, or empty when there is no such topic. */
  public Optional<Integer> partitions(String topic) {
    try (Admin admin = Admin.create(KafkaClientProperties.admin(settings))) {
      if (!topicNames(admin).contains(topic)) {
        return Optional.empty();
      }
      return Optional.of(describe(admin, topic).partitions().size());
    }
  }

  private SetupStep compare(Admin admin, TopicDefinition topic) {
    int partitions = describe(admin, topic.name()).partitions().size();
    String item = "topic " + topic.name();
    if (partitions == topic.partitions()) {
      return SetupStep.of(STORE, item, Outcome.UNCHANGED);
    }
    return new SetupStep(
        STORE,
        item,
        Outcome.SKIPPED,
        "it has "
            + partitions
            + " partitions, the project wants "
            + topic.partitions()
            + "; left as is, since repartitioning moves keys (./scs reset recreates it)");
  }

  /** A topic deleted moments ago (by reset) can still block its re-creation for a while. */
  private SetupStep createWaitingForDeletion(Admin admin, TopicDefinition topic) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    NewTopic newTopic =
        new NewTopic(topic.name(), Optional.of(topic.partitions()), Optional.empty());
    while (true) {
      try {
        admin.createTopics(List.of(newTopic)).all().get(WAIT_SECONDS, TimeUnit.SECONDS);
        return SetupStep.of(STORE, "topic " + topic.name(), Outcome.CREATED);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException) || System.nanoTime() > deadline) {
          throw failure(e);
        }
        if (topicNames(admin).contains(topic.name())) {
          return compare(admin, topic);
        }
        sleep(500);
      } catch (TimeoutException e) {
        throw unavailable(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while creating topic " + topic.name(), e);
      }
    }
  }

  private void waitUntilGone(Admin admin, List<String> topics) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (topicNames(admin).stream().anyMatch(topics::contains)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "Kafka still lists " + topics + " " + WAIT_SECONDS + " s after deleting them");
      }
      sleep(200);
    }
  }

  private Set<String> topicNames(Admin admin) {
    return get(admin.listTopics().names());
  }

  private TopicDescription describe(Admin admin, String topic) {
    Map<String, TopicDescription> descriptions =
        get(admin.describeTopics(List.of(topic)).allTopicNames());
    return descriptions.get(topic);
  }

  private <T> T get(KafkaFuture<T> future) {
    try {
      return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw unavailable(e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
        throw unavailable(e.getCause());
      }
      throw failure(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Kafka", e);
    }
  }

  private StoreUnavailableException unavailable(Throwable cause) {
    return new StoreUnavailableException(
        "Kafka", settings.kafkaBootstrapServers(), StoreSettings.KAFKA_BOOTSTRAP_SERVERS, cause);
  }

  private static IllegalStateException failure(ExecutionException e) {
    return new IllegalStateException("Kafka refused: " + e.getCause().getMessage(), e.getCause());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Kafka", e);
    }
  }
}
