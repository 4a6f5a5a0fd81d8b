package dev.scs.batch.quality;

/**
 * One data-quality check of a batch run: what was expected, what was found, and whether a
 * difference stops the run ({@code blocking}) or is only reported.
 */
public record QualityCheck(String name, long expected, long actual, boolean blocking) {

  public static QualityCheck blocking(String name, long expected, long actual) {
    return new QualityCheck(name, expected, actual, true);
  }

  public static QualityCheck reported(String name, long expected, long actual) {
    return new QualityCheck(name, expected, actual, false);
  }

  public boolean passed() {
    return expected == actual;
  }

  public boolean failsTheRun() {
    return blocking && !passed();
  }
}
