package dev.scs.batch.whatif;

import dev.scs.batch.BatchLayerConfig;
import dev.scs.batch.cli.OptionValues;
import dev.scs.batch.cli.ScoringInputsOptions;
import dev.scs.batch.lake.Lake;
import dev.scs.batch.recompute.ScoringInputs;
import dev.scs.batch.run.Watermark;
import dev.scs.batch.spark.LocalSpark;
import dev.scs.batch.spark.StageProgress;
import dev.scs.batch.store.BatchStores;
import dev.scs.batch.store.MongoScoringInputs;
import dev.scs.batch.store.PublishedRun;
import dev.scs.batch.store.StoreConnections;
import dev.scs.scoring.rules.InvalidRuleSetException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code what-if}: the archive rescored with another rule set, compared, nothing published. */
@Command(
    name = "what-if",
    mixinStandardHelpOptions = true,
    header = "Compare the scores of another rule set with the current ones; publishes nothing.",
    description = {
      "Recomputes the archive before W with the current rules (MongoDB) and with another rule set",
      "(--rules), both with the config in MongoDB, writes the per-citizen comparison and the tier",
      "and score shifts to the lake under what-if/, and prints a summary. Publishes nothing."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:the comparison failed",
      "2:bad input: a missing or invalid rule set, or a malformed --watermark"
    })
public final class WhatIfCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** The other rule set, compared with the current one. */
  @Mixin ScoringInputsOptions otherRules;

  @Option(
      names = "--watermark",
      paramLabel = "INSTANT",
      description =
          "Compare over events ingested before this instant, scored at it (default: the published"
              + " run's watermark, or now when none is published).")
  String watermark;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "Comparison id in the lake (default: the rules file name and W).")
  String name;

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
  public Integer call() {
    // both checked before any store is opened, so that a typo costs no connection
    String rulesJson = otherRules.rulesJson();
    Optional<Watermark> given =
        Optional.ofNullable(watermark)
            .map(text -> new Watermark(OptionValues.instant(text, "--watermark")));
    BatchLayerConfig config = BatchLayerConfig.fromSystemProperties();
    ScoringInputs alternative;
    try {
      alternative = MongoScoringInputs.withRules(config.stores(), rulesJson);
    } catch (InvalidRuleSetException e) {
      throw new IllegalStateException("the rule set was valid when read: " + e.getMessage(), e);
    }
    ScoringInputs current = MongoScoringInputs.load(config.stores());

    SparkSession spark = LocalSpark.session("scs-what-if", master, partitions);
    spark.sparkContext().addSparkListener(new StageProgress(System.err, "what-if"));
    try {
      BatchStores stores = StoreConnections.batchStores(spark, config.stores());
      Watermark w =
          given.orElseGet(
              () ->
                  stores
                      .publishedRun()
                      .map(PublishedRun::watermark)
                      .map(Watermark::new)
                      .orElseGet(() -> Watermark.startingNow(Clock.systemUTC())));
      String comparisonId =
          name != null ? name : baseName(otherRules.rulesFile()) + "-" + w.runId();
      Lake lake = new Lake(spark, config.lakePath());
      WhatIfSummary summary =
          new WhatIf(
                  current, alternative, stores, lake, config.runSettings().histogramBucketWidth())
              .run(w, comparisonId);
      PrintWriter out = spec.commandLine().getOut();
      out.print(
          summary.render(
              "what-if "
                  + comparisonId
                  + ": rules "
                  + otherRules.rulesFile()
                  + " against the current rules, events ingested before "
                  + w));
      out.printf(
          "  written to %s/what-if/{citizens,tier_shift,score_shift}/comparison_id=%s%n",
          lake.root(), comparisonId);
      out.flush();
      return 0;
    } finally {
      spark.stop();
    }
  }

  private static String baseName(Path path) {
    String file = path.getFileName().toString();
    int dot = file.lastIndexOf('.');
    return (dot > 0 ? file.substring(0, dot) : file).replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
