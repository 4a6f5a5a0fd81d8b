package dev.scs.batch.quality;

import java.util.List;

/** Every data-quality check of one run, printable as a table. */
public record QualityReport(String runId, List<QualityCheck> checks) {

  public boolean passed() {
    return checks.stream().noneMatch(QualityCheck::failsTheRun);
  }

  public List<QualityCheck> failures() {
    return checks.stream().filter(QualityCheck::failsTheRun).toList();
  }

  public String render() {
    StringBuilder text = new StringBuilder();
    text.append("data-quality checks of run ").append(runId).append('\n');
    for (QualityCheck check : checks) {
      String verdict = check.passed() ? "ok" : check.blocking() ? "FAILED" : "warning";
      text.append(
          String.format(
              "  %-8s %-66s expected %,d, found %,d%n",
              verdict, check.name(), check.expected(), check.actual()));
    }
    return text.toString();
  }
}
