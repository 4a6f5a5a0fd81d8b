package dev.scs.batch.speed;

import static org.apache.spark.sql.functions.expr;

import dev.scs.batch.recompute.LedgerEntry;
import dev.scs.batch.run.Watermark;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The speed layer's ledger ({@code ledger} in keyspace.cql). Its {@code ingested_at} tells which
 * side of a watermark each firing's event fell on: after a run publishes, only firings of events
 * ingested at or after W belong to the speed side (contract, section 7).
 */
public final class SpeedLedgerTable {
  public static final String NAME = "ledger";

  /** The table's columns as the cassandra connector reads them. */
  public static final StructType SCHEMA =
      new StructType()
          .add("citizen_id", DataTypes.StringType, false)
          .add("occurred_at", DataTypes.TimestampType, false)
          .add("event_id", DataTypes.StringType, false)
          .add("rule_id", DataTypes.StringType, false)
          .add("rule_version", DataTypes.IntegerType, true)
          .add("delta", DataTypes.createDecimalType(38, 18), true)
          .add("half_life_ms", DataTypes.LongType, true)
          .add("ingested_at", DataTypes.TimestampType, true);

  private static final Comparator<LedgerEntry> CANONICAL =
      Comparator.comparingLong(LedgerEntry::getOccurredAt)
          .thenComparing(LedgerEntry::getEventId)
          .thenComparing(LedgerEntry::getRuleId);

  private SpeedLedgerTable() {}

  /**
   * Firings of events ingested at or after W. A row without ingested_at is kept on the speed side:
   * no run can have counted it, so dropping it would lose a firing.
   */
  public static Dataset<Row> ingestedFrom(Dataset<Row> ledger, Watermark watermark) {
    return ledger.filter(
        expr("ingested_at is null or unix_millis(ingested_at) >= " + watermark.epochMillis()));
  }

  public static Dataset<LedgerEntry> entries(Dataset<Row> ledgerRows) {
    return ledgerRows
        .selectExpr(
            "citizen_id as citizenId",
            "0 as position",
            "event_id as eventId",
            "rule_id as ruleId",
            "rule_version as ruleVersion",
            "unix_millis(occurred_at) as occurredAt",
            "cast(cast(delta as decimal(18,2)) as string) as delta",
            "half_life_ms as halfLifeMillis")
        .as(Encoders.bean(LedgerEntry.class));
  }

  /** Each citizen's firings, in canonical order (occurred_at, event_id, rule_id). */
  public static Dataset<CitizenFirings> byCitizen(Dataset<Row> ledgerRows) {
    MapGroupsFunction<String, LedgerEntry, CitizenFirings> collect =
        (citizenId, entries) -> new CitizenFirings(citizenId, sorted(entries));
    return entries(ledgerRows)
        .groupByKey((MapFunction<LedgerEntry, String>) LedgerEntry::getCitizenId, Encoders.STRING())
        .mapGroups(collect, Encoders.bean(CitizenFirings.class));
  }

  private static List<LedgerEntry> sorted(Iterator<LedgerEntry> entries) {
    List<LedgerEntry> list = new ArrayList<>();
    entries.forEachRemaining(list::add);
    list.sort(CANONICAL);
    for (int i = 0; i < list.size(); i++) {
      list.get(i).setPosition(i);
    }
    return list;
  }
}
