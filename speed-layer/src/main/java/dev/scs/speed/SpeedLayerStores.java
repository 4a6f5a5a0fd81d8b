package dev.scs.speed;

import com.datastax.oss.driver.api.core.CqlSession;
import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.scs.speed.cassandra.CassandraProgressStore;
import dev.scs.speed.cassandra.CassandraStateReader;
import dev.scs.speed.cassandra.CassandraStateSink;
import dev.scs.speed.dgraph.DgraphGraphSink;
import dev.scs.speed.influxdb.InfluxPointSink;
import dev.scs.speed.job.SpeedLayerPorts;
import dev.scs.speed.kafka.TopicSink;
import dev.scs.speed.mongodb.MongoCitizenDirectory;
import dev.scs.speed.mongodb.MongoRuleSource;
import dev.scs.speed.mongodb.MongoScoreSink;
import dev.scs.speed.mongodb.RememberedCitizens;
import dev.scs.stores.StoreSettings;
import dev.scs.stores.cassandra.CassandraKeyspaceSetup;
import dev.scs.stores.cassandra.CassandraSessions;
import dev.scs.stores.dgraph.DgraphConnection;
import dev.scs.stores.dgraph.SocialGraph;
import dev.scs.stores.influxdb.InfluxBucket;
import dev.scs.stores.influxdb.InfluxLayout;
import dev.scs.stores.kafka.KafkaClientProperties;
import dev.scs.stores.mongodb.MongoConnections;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The connections to the real stores, and the ports built on them. Opening fails at once, naming
 * the store and its setting, when one does not answer.
 */
public final class SpeedLayerStores implements AutoCloseable {
  static final String EVENTS_BUCKET = "scs_events";
  static final String SCORES_BUCKET = "scs_scores";
  static final String PIPELINE_BUCKET = "scs_pipeline";

  private final SpeedLayerConfig config;
  private final CqlSession cassandra;
  private final MongoClient mongodb;
  private final InfluxDBClient influxdb;
  private final Producer<byte[], byte[]> producer;
  private final DgraphConnection dgraph;
  private final InfluxLayout influxLayout;

  private SpeedLayerStores(
      SpeedLayerConfig config,
      CqlSession cassandra,
      MongoClient mongodb,
      InfluxDBClient influxdb,
      Producer<byte[], byte[]> producer,
      DgraphConnection dgraph) {
    this.config = config;
    this.cassandra = cassandra;
    this.mongodb = mongodb;
    this.influxdb = influxdb;
    this.producer = producer;
    this.dgraph = dgraph;
    this.influxLayout = InfluxLayout.fromContract().withSuffix(config.influxdbBucketSuffix());
  }

  public static SpeedLayerStores open(SpeedLayerConfig config) {
    StoreSettings stores = config.stores();
    CqlSession cassandra = CassandraSessions.open(stores);
    MongoClient mongodb = null;
    DgraphConnection dgraph = null;
    try {
      if (!new CassandraKeyspaceSetup(cassandra, stores.cassandraKeyspace()).keyspaceExists()) {
        throw new IllegalStateException(
            "Cassandra has no keyspace "
                + stores.cassandraKeyspace()
                + " (setting "
                + StoreSettings.CASSANDRA_KEYSPACE
                + "): apply the store contracts of schemas/ first, as the seed command does");
      }
      mongodb = MongoConnections.open(stores);
      InfluxDBClient influxdb =
          InfluxDBClientFactory.create(
              stores.influxdbUrl(), stores.influxdbToken().toCharArray(), stores.influxdbOrg());
      dgraph = DgraphConnection.open(stores);
      checkDgraphAnswers(dgraph, stores);
      return new SpeedLayerStores(config, cassandra, mongodb, influxdb, producer(stores), dgraph);
    } catch (RuntimeException e) {
      cassandra.close();
      if (mongodb != null) {
        mongodb.close();
      }
      if (dgraph != null) {
        dgraph.close();
      }
      throw e;
    }
  }

  /** The gRPC channel connects lazily: ask for the version so a wrong address fails here. */
  private static void checkDgraphAnswers(DgraphConnection dgraph, StoreSettings stores) {
    try {
      dgraph.client().checkVersion();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Dgraph does not answer at "
              + stores.dgraphAddress()
              + " (setting "
              + StoreSettings.DGRAPH_ADDRESS
              + "): "
              + e.getMessage(),
          e);
    }
  }

  private static Producer<byte[], byte[]> producer(StoreSettings stores) {
    Properties properties = KafkaClientProperties.idempotentProducer(stores);
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    properties.put(
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(properties);
  }

  public SpeedLayerPorts ports(Clock clock) {
    String keyspace = config.stores().cassandraKeyspace();
    MongoDatabase database = MongoConnections.database(mongodb, config.stores());
    CassandraStateReader stateReader = new CassandraStateReader(cassandra, keyspace);
    return new SpeedLayerPorts(
        new MongoRuleSource(database),
        new RememberedCitizens(
            new MongoCitizenDirectory(database), config.citizenLookupMaxAge(), clock),
        stateReader,
        stateReader,
        new CassandraProgressStore(cassandra, keyspace),
        List.of(
            new CassandraStateSink(cassandra, keyspace, config.archiveTimeToLive()),
            new MongoScoreSink(
                database, config.mongodbStatementsPerCommand(), config.mongodbConcurrentCommands()),
            new InfluxPointSink(
                influxdb,
                config.stores().influxdbOrg(),
                bucket(EVENTS_BUCKET),
                bucket(SCORES_BUCKET),
                clock),
            new DgraphGraphSink(
                // a node's uid is trusted as long as a citizen's registration is
                new SocialGraph(dgraph.client(), config.citizenLookupMaxAge())),
            TopicSink.scoreUpdates(producer, config.scoreUpdatesTopic()),
            TopicSink.deadLetters(producer, config.deadLetterTopic())));
  }

  public InfluxDBClient influxdb() {
    return influxdb;
  }

  /** A bucket of schemas/influxdb/layout.json, by its name there, with the configured suffix. */
  public InfluxBucket bucket(String contractName) {
    return influxLayout.bucket(contractName + config.influxdbBucketSuffix());
  }

  @Override
  public void close() {
    producer.close();
    dgraph.close();
    influxdb.close();
    mongodb.close();
    cassandra.close();
  }
}
