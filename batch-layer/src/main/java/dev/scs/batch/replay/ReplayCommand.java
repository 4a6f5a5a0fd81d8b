package dev.scs.batch.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scs.batch.cli.OptionValues;
import dev.scs.batch.cli.ScoringInputsOptions;
import dev.scs.batch.recompute.CanonicalRecompute;
import dev.scs.batch.recompute.RecomputeResult;
import dev.scs.batch.recompute.ScoringInputs;
import dev.scs.batch.spark.LocalSpark;
import dev.scs.batch.spark.StageProgress;
import dev.scs.scoring.json.Json;
import dev.scs.stores.commandline.BadInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code replay}: the canonical result from files (contract, section 8), computed by the batch
 * layer's recompute in local mode.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    header = "Canonical scores from event files (scoring contract, section 8), no store needed.",
    description = {
      "Computes canonical scores from event files (scoring contract, section 8), with the same",
      "Spark recompute the nightly batch run uses. Every event is taken to be ingested at --as-of."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:the run failed",
      "2:bad input: a missing file, an invalid rule set, config, instant or citizens file"
    })
public final class ReplayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--events",
      required = true,
      paramLabel = "FILE.jsonl",
      description = "Events, one JSON object a line.")
  Path events;

  @Mixin ScoringInputsOptions scoringInputs;

  @Option(
      names = "--config",
      required = true,
      paramLabel = "CONFIG.json",
      description = "The scoring config.")
  Path config;

  @Option(
      names = "--as-of",
      required = true,
      paramLabel = "INSTANT",
      description = "RFC 3339 instant to score at, e.g. 2026-05-01T00:00:00Z.")
  String asOf;

  @Option(
      names = "--citizens",
      paramLabel = "FILE.jsonl",
      description =
          "Registered citizens (JSON Lines with citizen_id); without it, no citizen is unknown.")
  Path citizens;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "SCORES.jsonl",
      description = "Where to write one score line per citizen.")
  Path out;

  @Option(
      names = "--ledger",
      paramLabel = "FILE",
      description = "Also write every firing, in canonical order per citizen.")
  Path ledger;

  @Option(
      names = "--rejects",
      paramLabel = "FILE",
      description = "Also write each rejected line number with its reason.")
  Path rejects;

  @Option(
      names = "--parquet",
      paramLabel = "DIR",
      description =
          "Also write scores/ and ledger/ as Parquet under DIR (schemas/parquet/layout.md).")
  Path parquet;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master (default: local[*], or spark-submit's).")
  String master;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      description = "Shuffle partitions (default: ${DEFAULT-VALUE}).")
  int partitions = LocalSpark.defaultShufflePartitions();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    OptionValues.requireFile(events, "--events");
    long instant = OptionValues.instant(asOf, "--as-of");
    ScoringInputs inputs = scoringInputs.withConfigFile(config, "--config");
    Set<String> registered = citizens == null ? null : readCitizens(citizens);

    long started = System.nanoTime();
    SparkSession spark = LocalSpark.session("scs-replay", master, partitions);
    StageProgress progress = new StageProgress(System.err, "replay");
    spark.sparkContext().addSparkListener(progress);
    try (RecomputeResult result =
        new CanonicalRecompute(inputs, registered, instant)
            .run(JsonLinesEventSource.read(spark, events.toString(), instant))) {
      ReplayFiles.writeScoresAndLedger(result, this.out, ledger);
      if (rejects != null) {
        ReplayFiles.writeRejects(result, rejects);
      }
      if (parquet != null) {
        ReplayFiles.writeParquet(result, parquet, instant);
      }
      printSummary(out, result.summarize(), (System.nanoTime() - started) / 1_000_000);
    } finally {
      spark.stop();
    }
    return 0;
  }

  private void printSummary(PrintWriter out, RecomputeResult.Summary summary, long millis) {
    long duplicates = summary.rejectsByReason().getOrDefault("duplicate", 0L);
    long rejected =
        summary.rejectsByReason().values().stream().mapToLong(Long::longValue).sum() - duplicates;
    out.printf("replay as of %s: %s%n", asOf, this.out);
    out.printf("  lines read   %,d%n", summary.records());
    out.printf("  accepted     %,d%n", summary.accepted());
    out.printf("  rejected     %,d%n", rejected);
    for (Map.Entry<String, Long> reason : summary.rejectsByReason().entrySet()) {
      if (!reason.getKey().equals("duplicate")) {
        out.printf("    %-16s %,d%n", reason.getKey(), reason.getValue());
      }
    }
    out.printf("  duplicates   %,d%n", duplicates);
    out.printf("  citizens     %,d%n", summary.citizens());
    out.printf("  firings      %,d (ledger, later than --as-of included)%n", summary.firings());
    out.printf("  took         %.1f s%n", millis / 1000.0);
    out.flush();
  }

  private static Set<String> readCitizens(Path path) {
    List<String> lines = List.of(OptionValues.read(path, "--citizens").split("\n"));
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      JsonNode id;
      try {
        id = Json.mapper().readTree(line).get("citizen_id");
      } catch (IOException e) {
        id = null;
      }
      if (id == null || !id.isTextual()) {
        throw new BadInputException(
            "--citizens "
                + path
                + " line "
                + (i + 1)
                + ": expected a JSON object with a citizen_id string");
      }
      ids.add(id.textValue());
    }
    return ids;
  }
}
