package dev.scs.batch.replay;

import dev.scs.batch.recompute.LedgerEntry;
import dev.scs.batch.recompute.RecomputeResult;
import dev.scs.batch.recompute.ValidatedRecord;
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
import java.util.Iterator;
import org.apache.spark.sql.Row;

/**
 * The outputs of {@code replay} as JSON Lines (contract, section 8): scores sorted by citizen_id,
 * the ledger in canonical order per citizen, and the rejects in line order. Each file is written
 * beside its target and moved into place when complete, so a failed run leaves no half file.
 */
public final class ReplayFiles {
  private ReplayFiles() {}

  public static void writeScores(RecomputeResult result, Path out) throws IOException {
    Iterator<Row> outcomes =
        result
            .outcomes()
            .select("citizenId", "raw", "score", "tier", "firings")
            .orderBy("citizenId")
            .toLocalIterator();
    write(
        out,
        writer -> {
          while (outcomes.hasNext()) {
            Row outcome = outcomes.next();
            Score score =
                new Score(
                    outcome.getDouble(1),
                    new BigDecimal(outcome.getString(2)),
                    outcome.getString(3),
                    outcome.getLong(4));
            writer.write(ReplayLines.score(outcome.getString(0), score));
            writer.write('\n');
          }
        });
  }

  public static void writeLedger(RecomputeResult result, Path out) throws IOException {
    Iterator<LedgerEntry> entries =
        result.ledger().orderBy("citizenId", "position").toLocalIterator();
    write(
        out,
        writer -> {
          while (entries.hasNext()) {
            writer.write(ReplayLines.ledger(entries.next().toFiring()));
            writer.write('\n');
          }
        });
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

  private interface LineWriter {
    void writeTo(BufferedWriter writer) throws IOException;
  }

  private static void write(Path target, LineWriter lines) throws IOException {
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
