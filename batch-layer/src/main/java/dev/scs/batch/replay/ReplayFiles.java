package dev.scs.batch.replay;

import dev.scs.batch.recompute.RecomputeResult;
import dev.scs.batch.recompute.ValidatedRecord;
import dev.scs.scoring.engine.Firing;
import dev.scs.scoring.event.RejectionReason;
import dev.scs.scoring.replay.ReplayLines;
import dev.scs.scoring.view.Score;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * The outputs of {@code replay} as JSON Lines (contract, section 8): scores sorted by citizen_id,
 * the ledger in canonical order per citizen, and the rejects in line order. Each file is written
 * beside its target and moved into place when complete, so a failed run leaves no half file.
 */
public final class ReplayFiles {
  private ReplayFiles() {}

  /**
   * Scores, and the ledger when {@code ledgerOut} is not null, in one pass over the citizens in
   * citizen_id order: each citizen's ledger is already in canonical order, so no second sort.
   */
  public static void writeScoresAndLedger(RecomputeResult result, Path scoresOut, Path ledgerOut)
      throws IOException {
    String[] columns = {"citizenId", "raw", "score", "tier", "firings", "ledger"};
    Iterator<Row> outcomes =
        result
            .outcomes()
            .selectExpr(ledgerOut == null ? Arrays.copyOf(columns, 5) : columns)
            .orderBy("citizenId")
            .toLocalIterator();
    write(
        scoresOut,
        scores ->
            write(
                ledgerOut,
                ledger -> {
                  while (outcomes.hasNext()) {
                    Row outcome = outcomes.next();
                    Score score =
                        new Score(
                            outcome.getDouble(1),
                            new BigDecimal(outcome.getString(2)),
                            outcome.getString(3),
                            outcome.getLong(4));
                    scores.write(ReplayLines.score(outcome.getString(0), score));
                    scores.write('\n');
                    if (ledger != null) {
                      writeLedgerOf(outcome.getString(0), outcome.getList(5), ledger);
                    }
                  }
                }));
  }

  private static void writeLedgerOf(String citizenId, List<Row> entries, BufferedWriter ledger)
      throws IOException {
    for (Row entry : entries) {
      Firing firing =
          new Firing(
              entry.getAs("eventId"),
              citizenId,
              entry.getAs("ruleId"),
              entry.<Integer>getAs("ruleVersion"),
              entry.<Long>getAs("occurredAt"),
              new BigDecimal(entry.<String>getAs("delta")),
              entry.<Long>getAs("halfLifeMillis"));
      ledger.write(ReplayLines.ledger(firing));
      ledger.write('\n');
    }
  }

  public static void writeRejects(RecomputeResult result, Path out) throws IOException {
    Iterator<ValidatedRecord> rejects = result.rejects().orderBy("sequence").toLocalIterator();
    write(
        out,
        writer -> {
          while (rejects.hasNext()) {
            ValidatedRecord reject = rejects.next();
            writer.write(
                ReplayLines.reject(
                    reject.getSequence(),
                    RejectionReason.fromCode(reject.getReason()),
                    reject.getDetail()));
            writer.write('\n');
          }
        });
  }

  /**
   * Scores and ledger as Parquet, in the lake's column names and types: {@code scores/} and {@code
   * ledger/} under {@code folder}, replaced if present.
   */
  public static void writeParquet(RecomputeResult result, Path folder, long asOf) {
    result
        .outcomes()
        .selectExpr(
            "citizenId as citizen_id",
            "raw",
            "cast(score as decimal(18,2)) as score",
            "tier",
            "firings",
            "timestamp_millis(" + asOf + "L) as as_of")
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(folder.resolve("scores").toString());
    result
        .ledger()
        .selectExpr(
            "eventId as event_id",
            "citizenId as citizen_id",
            "ruleId as rule_id",
            "ruleVersion as rule_version",
            "timestamp_millis(occurredAt) as occurred_at",
            "cast(delta as decimal(18,2)) as delta",
            "halfLifeMillis as half_life_ms")
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(folder.resolve("ledger").toString());
  }

  private interface LineWriter {
    void writeTo(BufferedWriter writer) throws IOException;
  }

  /** Writes through {@code lines}; with a null target, {@code lines} gets a null writer. */
  private static void write(Path target, LineWriter lines) throws IOException {
    if (target == null) {
      lines.writeTo(null);
      return;
    }
    Path absolute = target.toAbsolutePath();
    if (absolute.getParent() != null) {
      Files.createDirectories(absolute.getParent());
    }
    Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
    try (BufferedWriter writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
      lines.writeTo(writer);
    }
    Files.move(
        partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
