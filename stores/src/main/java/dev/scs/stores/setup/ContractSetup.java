package dev.scs.stores.setup;

import com.datastax.oss.driver.api.core.CqlSession;
import com.mongodb.client.MongoClient;
import dev.scs.stores.StoreSettings;
import dev.scs.stores.cassandra.CassandraKeyspaceSetup;
import dev.scs.stores.cassandra.CassandraSessions;
import dev.scs.stores.dgraph.DgraphConnection;
import dev.scs.stores.dgraph.DgraphSchemaSetup;
import dev.scs.stores.influxdb.InfluxDatabaseSetup;
import dev.scs.stores.influxdb.InfluxLayout;
import dev.scs.stores.kafka.KafkaTopicSetup;
import dev.scs.stores.kafka.ProjectTopics;
import dev.scs.stores.mongodb.MongoCollectionSetup;
import dev.scs.stores.mongodb.MongoConnections;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Applies the contract files of {@code schemas/} to every store the settings name (the topics, the
 * keyspace, the MongoDB collections, the InfluxDB buckets, the Dgraph schema), or removes all of
 * the project's data from them. Applying twice changes nothing the second time.
 */
public final class ContractSetup {
  private final StoreSettings settings;
  private final ProjectTopics topics;
  private final InfluxLayout influxLayout;
  private final boolean removesGraph;

  public ContractSetup(StoreSettings settings, ProjectTopics topics, InfluxLayout influxLayout) {
    this(settings, topics, influxLayout, true);
  }

  private ContractSetup(
      StoreSettings settings,
      ProjectTopics topics,
      InfluxLayout influxLayout,
      boolean removesGraph) {
    this.settings = settings;
    this.topics = topics;
    this.influxLayout = influxLayout;
    this.removesGraph = removesGraph;
  }

  /**
   * This setup, except that {@link #remove} leaves Dgraph's citizens alone. Dgraph has one graph
   * for everybody (no keyspace or database of one's own), so a test on isolated stores removes the
   * citizens it wrote itself instead of every citizen of the stack.
   */
  public ContractSetup keepingTheGraph() {
    return new ContractSetup(settings, topics, influxLayout, false);
  }

  /** The project's names: default topics and the layout's buckets as they are. */
  public static ContractSetup forProject(StoreSettings settings) {
    return new ContractSetup(settings, ProjectTopics.defaults(), InfluxLayout.fromContract());
  }

  /** Applies every contract; {@code progress} hears each store's steps as they are done. */
  public List<SetupStep> apply(Consumer<List<SetupStep>> progress) {
    List<SetupStep> steps = new ArrayList<>();
    record(steps, progress, new KafkaTopicSetup(settings).create(topics.definitions()));
    try (CqlSession session = CassandraSessions.open(settings)) {
      record(
          steps,
          progress,
          new CassandraKeyspaceSetup(session, settings.cassandraKeyspace()).apply());
    }
    try (MongoClient client = MongoConnections.open(settings)) {
      record(
          steps,
          progress,
          new MongoCollectionSetup(MongoConnections.database(client, settings)).apply());
    }
    record(steps, progress, new InfluxDatabaseSetup(settings, influxLayout).apply());
    try (DgraphConnection dgraph = DgraphConnection.open(settings)) {
      record(steps, progress, new DgraphSchemaSetup(dgraph.client()).apply());
    }
    return steps;
  }

  /**
   * Removes the topics, the keyspace, the MongoDB database, the InfluxDB databases and the Dgraph
   * citizen nodes (Dgraph keeps its schema).
   */
  public List<SetupStep> remove(Consumer<List<SetupStep>> progress) {
    List<SetupStep> steps = new ArrayList<>();
    record(steps, progress, new KafkaTopicSetup(settings).delete(topics.names()));
    try (CqlSession session = CassandraSessions.open(settings)) {
      record(
          steps,
          progress,
          List.of(new CassandraKeyspaceSetup(session, settings.cassandraKeyspace()).drop()));
    }
    try (MongoClient client = MongoConnections.open(settings)) {
      record(
          steps,
          progress,
          List.of(
              new MongoCollectionSetup(MongoConnections.database(client, settings))
                  .dropDatabase()));
    }
    record(steps, progress, new InfluxDatabaseSetup(settings, influxLayout).drop());
    if (removesGraph) {
      try (DgraphConnection dgraph = DgraphConnection.open(settings)) {
        record(steps, progress, new DgraphSchemaSetup(dgraph.client()).removeData());
      }
    }
    return steps;
  }

  private static void record(
      List<SetupStep> all, Consumer<List<SetupStep>> progress, List<SetupStep> done) {
    all.addAll(done);
    progress.accept(done);
  }
}
