package dev.scs.batch.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.batch.BatchLayerMain;
import dev.scs.batch.fixtures.InMemoryBatchStores;
import dev.scs.batch.fixtures.InMemoryCitizenGraph;
import dev.scs.batch.fixtures.SmallWorld;
import dev.scs.batch.fixtures.TestSpark;
import dev.scs.batch.lake.Lake;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code batch-layer run}'s exit codes, as its help, batch-layer/README.md and the Airflow DAG
 * document them: 2 bad input, 3 a data-quality check failed, 4 the speed layer is behind; each
 * failure in one line. (A published run, exit code 0, is BatchRunPublicationTest's and
 * BatchRunIT's.)
 */
class BatchRunCommandTest {
  private static SmallWorld world;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void startSpark() {
    world = new SmallWorld(TestSpark.session());
  }

  private int runAndReport(BatchRun run) {
    return BatchRunCommand.runAndReport(
        run, world.vector().watermark(), new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void aMalformedWatermarkIsOneLineAndExitCodeTwoBeforeAnyConnection() {
    CommandLine commandLine = BatchLayerMain.commandLine();
    commandLine.setErr(new PrintWriter(err, true));

    int exitCode = commandLine.execute("run", "--watermark", "tonight");

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString().lines().toList())
        .containsExactly(
            "error: --watermark 'tonight' is not an RFC 3339 instant such as"
                + " 2026-03-01T12:00:00Z");
  }

  @Test
  void partitionsBelowOneAreOneLineAndExitCodeTwoBeforeAnyConnection() {
    CommandLine commandLine = BatchLayerMain.commandLine();
    commandLine.setErr(new PrintWriter(err, true));

    int exitCode = commandLine.execute("run", "--partitions", "0");

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString().lines().toList())
        .containsExactly("error: --partitions must be a positive number, but was 0");
  }

  @Test
  void theHelpSaysPartitionsAreSizedFromTheArchiveUnlessGiven() {
    CommandLine commandLine = BatchLayerMain.commandLine();
    commandLine.setOut(new PrintWriter(out, true));

    assertThat(commandLine.execute("run", "--help")).isZero();
    assertThat(out.toString().replaceAll("\\s+", " "))
        .contains("--partitions=N Shuffle partitions (default: auto, one per 250 000 archived");
  }

  @Test
  void aSpeedLayerThatDoesNotCommitThroughWInTimeIsExitCodeFourInOneLine(@TempDir Path lake) {
    InMemoryBatchStores stores = world.stores();
    stores.recordSpeedProgress(world.vector().watermark().epochMillis() - 60_000, 1);
    BatchRun waitingOneSecond =
        new BatchRun(
            world.inputs(),
            stores,
            world.citizens(),
            new InMemoryCitizenGraph(),
            new Lake(TestSpark.session(), lake.toString()),
            new BatchRunSettings(730L * 86_400_000L, 2, 50, 5, true, Duration.ofSeconds(1)),
            Clock.systemUTC(),
            new RunProgress(new PrintStream(OutputStream.nullOutputStream()), "batch"));

    int exitCode = runAndReport(waitingOneSecond);

    assertThat(exitCode).isEqualTo(4);
    assertThat(err.toString().lines().toList())
        .singleElement()
        .asString()
        .startsWith("error: the speed layer has not committed through W = ")
        .contains("--no-wait");
    assertThat(stores.publishedRun()).isEmpty();
  }

  @Test
  void aFailedDataQualityCheckIsExitCodeThreeAfterItsReport(@TempDir Path lake) {
    // an event both in the archive before W and in the speed layer's ledger after W
    List<Row> speedLedger = world.speedLedgerCountingAnEventTwice();
    InMemoryBatchStores stores =
        new InMemoryBatchStores(TestSpark.session(), world.archive(), speedLedger);

    int exitCode = runAndReport(world.run(stores, world.citizens(), lake));

    assertThat(exitCode).isEqualTo(3);
    List<String> lines = err.toString().lines().toList();
    assertThat(lines.get(lines.size() - 1)).startsWith("error: ");
    assertThat(lines.subList(0, lines.size() - 1)).noneMatch(line -> line.startsWith("error: "));
    assertThat(stores.publishedRun()).isEmpty();
  }

  @Test
  void theDocumentedExitCodesAreListedInItsHelp() {
    CommandLine commandLine = BatchLayerMain.commandLine();
    commandLine.setOut(new PrintWriter(out, true));

    assertThat(commandLine.execute("run", "--help")).isZero();
    assertThat(out.toString())
        .contains(
            "Exit codes:",
            "2   bad input: a malformed --watermark",
            "3   a data-quality check failed",
            "4   the speed layer did not commit through W in time");
  }
}
