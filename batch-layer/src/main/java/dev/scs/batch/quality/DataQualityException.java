package dev.scs.batch.quality;

/** A run stopped by a failed data-quality check, before it wrote or published anything. */
public final class DataQualityException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient QualityReport report;

  public DataQualityException(QualityReport report) {
    super(summary(report));
    this.report = report;
  }

  public QualityReport report() {
    return report;
  }

  private static String summary(QualityReport report) {
    QualityCheck first = report.failures().get(0);
    return String.format(
        "run %s failed %d data-quality check(s), nothing was published; first: %s (expected %,d,"
            + " found %,d)",
        report.runId(), report.failures().size(), first.name(), first.expected(), first.actual());
  }
}
