package dev.scs.speed;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.query.FluxTable;
import com.mongodb.client.MongoClient;
import dev.scs.scoring.engine.Firing;
import dev.scs.stores.StoreSettings;
import dev.scs.stores.cassandra.CassandraSessions;
import dev.scs.stores.kafka.KafkaClientProperties;
import dev.scs.stores.mongodb.CitizenStore;
import dev.scs.stores.mongodb.MongoConnections;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;

/** Reads back what the speed layer wrote to each real store, in plain values for assertions. */
final class StoreContents {
  private StoreContents() {}

  static List<Firing> ledger(SpeedLayerConfig config) {
    try (CqlSession session = CassandraSessions.open(config.stores())) {
      List<Firing> ledger = new ArrayList<>();
      for (Row row :
          session.execute("SELECT * FROM " + config.stores().cassandraKeyspace() + ".ledger")) {
        ledger.add(
            new Firing(
                row.getString("event_id"),
                row.getString("citizen_id"),
                row.getString("rule_id"),
                row.getInt("rule_version"),
                row.getInstant("occurred_at").toEpochMilli(),
                row.getBigDecimal("delta"),
                row.getLong("half_life_ms")));
      }
      return ledger;
    }
  }

  static long count(SpeedLayerConfig config, String table) {
    try (CqlSession session = CassandraSessions.open(config.stores())) {
      return session
          .execute("SELECT count(*) FROM " + config.stores().cassandraKeyspace() + "." + table)
          .one()
          .getLong(0);
    }
  }

  /** The score fields of every citizen document that has them, by citizen_id. */
  static Map<String, Document> scores(SpeedLayerConfig config) {
    try (MongoClient client = MongoConnections.open(config.stores())) {
      Map<String, Document> scores = new HashMap<>();
      for (Document citizen :
          MongoConnections.database(client, config.stores())
              .getCollection(CitizenStore.COLLECTION)
              .find(new Document("tier", new Document("$exists", true)))) {
        scores.put(citizen.getString("_id"), citizen);
      }
      return scores;
    }
  }

  /** How many points of a measurement one InfluxDB database holds. */
  static long points(SpeedLayerConfig config, String database, String measurement, String field) {
    StoreSettings stores = config.stores();
    try (InfluxDBClient client =
        InfluxDBClientFactory.create(
            stores.influxdbUrl(), stores.influxdbToken().toCharArray(), stores.influxdbOrg())) {
      List<FluxTable> tables =
          client
              .getQueryApi()
              .query(
                  "from(bucket: \""
                      + database
                      + "/autogen\") |> range(start: 0)"
                      + " |> filter(fn: (r) => r._measurement == \""
                      + measurement
                      + "\" and r._field == \""
                      + field
                      + "\") |> group() |> count()");
      return tables.stream()
          .flatMap(table -> table.getRecords().stream())
          .mapToLong(record -> ((Number) record.getValue()).longValue())
          .sum();
    }
  }

  /** Every record of a topic, from the beginning. */
  static List<ConsumerRecord<byte[], byte[]>> topic(SpeedLayerConfig config, String topic) {
    Properties properties = KafkaClientProperties.admin(config.stores());
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
      consumer.subscribe(List.of(topic));
      int emptyPolls = 0;
      while (emptyPolls < 3) {
        int before = records.size();
        consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
        emptyPolls = records.size() == before ? emptyPolls + 1 : 0;
      }
    }
    return records;
  }

  static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
