// Creates or deletes the benchmark's own topic with the project's admin code, so the benchmark
// never writes to citizen-events. Run from bench/simulator-throughput.sh with the simulator's
// shaded jar on the class path: java -cp JAR BenchTopic.java create|delete TOPIC [PARTITIONS]
import dev.scs.stores.StoreSettings;
import dev.scs.stores.kafka.KafkaTopicSetup;
import dev.scs.stores.kafka.TopicDefinition;
import java.util.List;

public class BenchTopic {
  public static void main(String[] arguments) {
    KafkaTopicSetup topics = new KafkaTopicSetup(StoreSettings.fromSystemProperties());
    String topic = arguments[1];
    if (arguments[0].equals("create")) {
      topics.create(List.of(new TopicDefinition(topic, Integer.parseInt(arguments[2]))))
          .forEach(step -> System.out.println("    " + step.describe()));
    } else {
      topics.delete(List.of(topic)).forEach(step -> System.out.println("    " + step.describe()));
    }
  }
}
