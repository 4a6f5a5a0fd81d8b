package dev.scs.batch.run;

import dev.scs.batch.BatchLayerConfig;
import dev.scs.batch.cli.OptionValues;
import dev.scs.batch.lake.Lake;
import dev.scs.batch.quality.DataQualityException;
import dev.scs.batch.recompute.ScoringInputs;
import dev.scs.batch.spark.LocalSpark;
import dev.scs.batch.spark.ShufflePartitions;
import dev.scs.batch.spark.StageProgress;
import dev.scs.batch.store.MongoScoringInputs;
import dev.scs.batch.store.StoreConnections;
import dev.scs.stores.commandline.BadInputException;
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
    header =
        "Publish one batch run: the archive before a watermark W, rescored in canonical order.",
    description = {
      "Waits until the speed layer has archived every event ingested before the watermark W,",
      "recomputes those events in canonical order, writes the run (batch view, ledger, rule state,",
      "aggregates, Parquet lake), publishes it atomically, then reconciles MongoDB's citizens and",
      "sets each citizen's node in Dgraph to its batch score, degree and PageRank. The speed layer",
      "rebases each citizen on the published run itself. A run that fails after it published is",
      "finished by running the same --watermark again.",
      "Rules and config come from MongoDB; stores and lake from the settings (batch-layer config)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the run was published",
      "1:the run failed; unless it said it published, readers still see the previous run",
      "2:bad input: a malformed --watermark, --partitions below 1",
      "3:a data-quality check failed; nothing was written or published",
      "4:the speed layer did not commit through W in time; nothing was read or written"
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
      description =
          "Shuffle partitions (default: auto, one per 250 000 archived events the run reads, at"
              + " least 4 per core, at most 2 000; the run logs the number and why). A large"
              + " archive also wants a larger driver heap.")
  Integer partitions;

  @Option(
      names = "--no-wait",
      description =
          "Read the archive without waiting for the speed layer to commit through W: for an"
              + " archive that no running speed layer writes (a backfill, a test). Otherwise the"
              + " run waits up to batch.speed-layer-wait (default PT5M).")
  boolean noWait;

  @Override
  public Integer call() {
    // a malformed --watermark is refused with exit code 2 (OptionValues), before any connection
    Watermark w =
        watermark == null
            ? Watermark.startingNow(Clock.systemUTC())
            : new Watermark(OptionValues.instant(watermark, "--watermark"));
    if (partitions != null && partitions < 1) {
      throw new BadInputException("--partitions must be a positive number, but was " + partitions);
    }
    BatchLayerConfig config = BatchLayerConfig.fromSystemProperties();
    ScoringInputs inputs = MongoScoringInputs.load(config.stores());
    ShufflePartitions shuffle =
        partitions == null ? ShufflePartitions.auto() : ShufflePartitions.given(partitions);
    SparkSession spark =
        LocalSpark.session(
            "scs-batch-run",
            master,
            partitions == null ? LocalSpark.defaultShufflePartitions() : partitions);
    spark.sparkContext().addSparkListener(new StageProgress(System.err, "batch"));
    try {
      BatchRun run =
          new BatchRun(
              inputs,
              StoreConnections.batchStores(spark, config.stores()),
              StoreConnections.citizens(spark, config.stores()),
              StoreConnections.graph(spark, config.stores()),
              new Lake(spark, config.lakePath()),
              runSettings(config).withShufflePartitions(shuffle),
              Clock.systemUTC(),
              new RunProgress(System.err, "batch"));
      return runAndReport(run, w, spec.commandLine().getOut(), spec.commandLine().getErr());
    } finally {
      spark.stop();
    }
  }

  private BatchRunSettings runSettings(BatchLayerConfig config) {
    return noWait ? config.runSettings().withoutWaiting() : config.runSettings();
  }

  /**
   * Runs for W and prints the report; turns the failures the help documents into their exit codes
   * and one line each (any other failure is exit code 1, from the project's error handler).
   */
  static int runAndReport(BatchRun run, Watermark w, PrintWriter out, PrintWriter err) {
    try {
      BatchRunReport report = run.run(w);
      out.print(report.render());
      out.flush();
      return 0;
    } catch (DataQualityException e) {
      err.print(e.report().render());
      err.println("error: " + e.getMessage());
      return 3;
    } catch (SpeedLayerHandOver.SpeedLayerBehindException e) {
      err.println("error: " + e.getMessage());
      return 4;
    }
  }
}
