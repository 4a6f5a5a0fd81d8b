package dev.scs.batch.run;

import dev.scs.batch.quality.QualityReport;
import dev.scs.batch.recompute.RecomputeResult;
import dev.scs.batch.store.CitizenDirectory;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a published run did: its id and watermark, the recompute's counts, the data-quality report,
 * the speed side it kept, the MongoDB reconciliation, the Dgraph nodes written and the time of each
 * step.
 *
 * @param graphNodes citizens whose Dgraph nodes got their batch score, degree and PageRank; empty
 *     when the run reconciled nothing ({@code batch.reconcile-citizens=false})
 */
public record BatchRunReport(
    String runId,
    Watermark watermark,
    RecomputeResult.Summary summary,
    QualityReport quality,
    long speedFirings,
    Optional<CitizenDirectory.Reconciliation> reconciliation,
    OptionalLong graphNodes,
    Map<String, Long> millisByStep) {

  public String render() {
    StringBuilder text = new StringBuilder();
    text.append(String.format("batch run %s published (W = %s)%n", runId, watermark));
    text.append(String.format("  archived rows read  %,d%n", summary.records()));
    text.append(String.format("  events replayed     %,d%n", summary.accepted()));
    text.append(String.format("  citizens            %,d%n", summary.citizens()));
    text.append(String.format("  batch firings       %,d%n", summary.firings()));
    text.append(
        String.format(
            "  speed firings       %,d (events ingested at or after W; the speed layer keeps them)%n",
            speedFirings));
    text.append(
        reconciliation
            .map(
                done ->
                    String.format(
                        "  MongoDB citizens    %,d updated, %,d already current, %,d left alone (no"
                            + " registered citizen, or scored by the speed layer since read)%n",
                        done.updated(), done.unchanged(), done.skipped()))
            .orElse("  MongoDB citizens    not reconciled (batch.reconcile-citizens=false)\n"));
    text.append("  graph               degree and PageRank written to the lake; dgraph: ");
    text.append(
        graphNodes.isPresent()
            ? String.format(
                "batch score, degree and PageRank of %,d citizens%n", graphNodes.getAsLong())
            : "not written (batch.reconcile-citizens=false)\n");
    long total = millisByStep.values().stream().mapToLong(Long::longValue).sum();
    text.append(String.format("  took                %.1f s:", total / 1000.0));
    millisByStep.forEach(
        (step, millis) -> text.append(String.format(" %s %.1f s;", step, millis / 1000.0)));
    text.setLength(text.length() - 1);
    text.append('\n');
    return text.toString();
  }
}
