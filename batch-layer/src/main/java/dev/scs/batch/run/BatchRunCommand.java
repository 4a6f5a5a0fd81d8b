package dev.scs.batch.run;

import dev.scs.batch.BatchLayerConfig;
import dev.scs.batch.lake.Lake;
import dev.scs.batch.quality.DataQualityException;
import dev.scs.batch.recompute.ScoringInputs;
import dev.scs.batch.spark.LocalSpark;
import dev.scs.batch.spark.StageProgress;
import dev.scs.batch.store.MongoScoringInputs;
import dev.scs.batch.store.StoreConnections;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code run}: one batch run for a watermark, from the archive to a published run. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Recomputes every event archived before the watermark W in canonical order, writes the run",
      "(batch view, ledger, rule state, aggregates, Parquet lake), publishes it atomically, then",
      "rebuilds the speed view and rule state from W on and reconciles MongoDB's citizens.",
      "Rules and config come from MongoDB; stores and lake from the settings (batch-layer config)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the run was published",
      "1:the run failed; unless it said it published, readers still see the previous run",
      "2:bad input: a malformed --watermark",
      "3:a data-quality check failed; nothing was written or published"
    })
public final class BatchRunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--watermark",
      paramLabel = "INSTANT",
      description =
          "RFC 3339 instant W: the run covers events ingested before it (default: the start of the"
              + " run). Runs for the same W write the same rows.")
  String watermark;

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
    PrintWriter err = spec.commandLine().getErr();
    Watermark w;
    try {
      w =
          watermark == null
              ? Watermark.startingNow(Clock.systemUTC())
              : Watermark.parse(watermark, "--watermark");
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
    BatchLayerConfig config = BatchLayerConfig.fromSystemProperties();
    ScoringInputs inputs = MongoScoringInputs.load(config.stores());
    SparkSession spark = LocalSpark.session("scs-batch-run", master, partitions);
    spark.sparkContext().addSparkListener(new StageProgress(System.err, "batch"));
    try {
      BatchRun run =
          new BatchRun(
              inputs,
              StoreConnections.batchStores(spark, config.stores()),
              StoreConnections.citizens(spark, config.stores()),
              new Lake(spark, config.lakePath()),
              config.runSettings(),
              Clock.systemUTC(),
              new RunProgress(System.err, "batch"));
      BatchRunReport report = run.run(w);
      spec.commandLine().getOut().print(report.render());
      spec.commandLine().getOut().flush();
      return 0;
    } catch (DataQualityException e) {
      err.print(e.report().render());
      err.println("error: " + e.getMessage());
      return 3;
    } finally {
      spark.stop();
    }
  }
}
