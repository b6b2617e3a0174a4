package io.gridcast.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.it.Http;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium through its chromedriver, both given by path so Selenium never
 * downloads a browser; network requests are recorded (performance log) so tests can count them,
 * downloads land in a fresh directory, and screenshots go to {@code target/web-screenshots}.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SHOTS = Path.of("target", "web-screenshots");

  final ChromeDriver driver;
  final WebDriverWait wait;
  final Path downloads;

  private Browser(ChromeDriver driver, Path downloads) {
    this.driver = driver;
    this.downloads = downloads;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(100));
  }

  static Browser start() throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException(
          "the browser tests need Debian's chromium and chromium-driver at "
              + CHROMIUM
              + " and "
              + CHROMEDRIVER
              + " (./verify installs them when it may; else run: sudo apt-get install -y chromium"
              + " chromium-driver)");
    }
    Path downloads = Files.createTempDirectory("gridcast-downloads");
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM.toFile());
    o.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,900",
        "--user-data-dir=" + Files.createTempDirectory("gridcast-chromium"));
    o.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory",
            downloads.toString(),
            "download.prompt_for_download",
            false));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    logs.enable(LogType.BROWSER, Level.ALL);
    o.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, o);
    driver.executeCdpCommand(
        "Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    return new Browser(driver, downloads);
  }

  /** Saves a screenshot of the current page as {@code target/web-screenshots/<name>.png}. */
  void shot(String name) {
    try {
      Files.createDirectories(SHOTS);
      Files.write(SHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** URLs of the network requests the page sent since the last call (drains the log). */
  List<String> requests() {
    List<String> urls = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
      try {
        JsonNode m = Http.JSON.readTree(e.getMessage()).path("message");
        if (m.path("method").asText().equals("Network.requestWillBeSent")) {
          urls.add(m.path("params").path("request").path("url").asText());
        }
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }
    return urls;
  }

  static long count(List<String> urls, String part) {
    return urls.stream().filter(u -> u.contains(part)).count();
  }

  /** Errors the page logged to its console since the last call. */
  List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
