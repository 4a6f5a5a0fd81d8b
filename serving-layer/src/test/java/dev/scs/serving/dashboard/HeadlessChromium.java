package dev.scs.serving.dashboard;

import dev.scs.testing.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.opentest4j.AssertionFailedError;

/**
 * Debian's chromium, headless, driven through its chromedriver (both installed by {@code
 * stack/browser.sh}), with a fresh profile that is deleted on close. Nothing is downloaded: the
 * driver and browser paths are given, so Selenium Manager is never asked to find them. The system
 * properties {@code scs.browser.chromedriver} and {@code scs.browser.chromium} override the paths.
 */
final class HeadlessChromium implements AutoCloseable {
  /** Where Debian puts them; a system property of the same name points elsewhere. */
  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("scs.browser.chromedriver", "/usr/bin/chromedriver"));

  static final Path CHROMIUM =
      Path.of(System.getProperty("scs.browser.chromium", "/usr/bin/chromium"));

  private final Path profile;
  private final ChromeDriver driver;

  private HeadlessChromium(Path profile, ChromeDriver driver) {
    this.profile = profile;
    this.driver = driver;
  }

  /** Fails with one line naming the script to run when the browser or its driver is missing. */
  static void requireInstalled() {
    for (Path program : new Path[] {CHROMEDRIVER, CHROMIUM}) {
      if (!Files.isExecutable(program)) {
        throw new AssertionFailedError(
            program + " is missing: run stack/browser.sh (it installs chromium and chromedriver)");
      }
    }
  }

  static HeadlessChromium start(int width, int height) throws IOException {
    requireInstalled();
    Path profile = Files.createTempDirectory("scs-dashboard-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + profile,
        "--window-size=" + width + "," + height);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new HeadlessChromium(profile, new ChromeDriver(service, options));
  }

  WebDriver driver() {
    return driver;
  }

  /**
   * Waits until {@code condition} holds, checking every 100 ms; fails after {@code timeout} with
   * {@code what} and the page's visible text, which usually shows why.
   */
  void waitUntil(Duration timeout, String what, Supplier<Boolean> condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      try {
        if (Boolean.TRUE.equals(condition.get())) {
          return;
        }
      } catch (RuntimeException notYet) {
        last = notYet; // an element not there yet, or replaced while read
      }
      sleep(100);
    }
    throw new AssertionFailedError(
        "waited "
            + timeout.toSeconds()
            + " s for "
            + what
            + (last == null
                ? ""
                : " (last error: " + last.getMessage().lines().findFirst().orElse("") + ")")
            + "; the page showed:\n"
            + driver.findElement(org.openqa.selenium.By.tagName("body")).getText());
  }

  /** Saves what the window shows as a PNG; a failure to save is reported, not thrown. */
  void screenshot(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      System.out.println("dashboard screenshot saved to " + file.toAbsolutePath());
    } catch (IOException | RuntimeException e) {
      System.err.println("could not save the screenshot " + file + ": " + e.getMessage());
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the page", e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      Folders.deleteRecursively(profile);
    }
  }
}
