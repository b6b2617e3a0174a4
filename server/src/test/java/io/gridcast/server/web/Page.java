package io.gridcast.server.web;

import io.gridcast.server.it.Http;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The Gridcast page in the test browser: signing in afresh, finding elements, waiting. */
final class Page {
  static final Dimension DESKTOP = new Dimension(1280, 900);
  static final Dimension PHONE = new Dimension(390, 844);

  final Browser browser;
  private final String url;

  Page(Browser browser, String url) {
    this.browser = browser;
    this.url = url;
  }

  String url() {
    return url;
  }

  /** Opens the page at {@code hash} signed out: no session cookie, no stored token. */
  void signedOut(String hash) {
    browser.driver.manage().window().setSize(DESKTOP);
    // A file of the page's origin that runs no script: the page of an earlier session opens
    // nothing.
    browser.driver.get(url + "/css/app.css");
    browser.driver.manage().deleteAllCookies();
    browser.driver.executeScript("localStorage.clear()");
    browser.driver.get(url + "/" + hash);
  }

  /**
   * Opens the page signed out, signs in with the user's token and waits for the header; the page
   * opens at {@code hash} (the Forecast view when empty).
   */
  void signIn(Http user, String hash) {
    signedOut(hash);
    el("#token").sendKeys(user.token());
    el("#signin-submit").click();
    el("#queue-toggle");
  }

  /** Signs in and waits until the page's event stream is open. */
  void signInLive(Http user, String hash) {
    signIn(user, hash);
    waitText("#connection", "Live");
  }

  WebElement el(String css) {
    return browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  List<WebElement> all(String css) {
    return browser.driver.findElements(By.cssSelector(css));
  }

  void waitText(String css, String text) {
    browser.wait.until(ExpectedConditions.textToBe(By.cssSelector(css), text));
  }

  void waitGone(String css) {
    browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(css)));
  }

  /** Goes to a route of the page without reloading it. */
  void go(String hash) {
    browser.driver.executeScript("location.hash = arguments[0]", hash);
  }

  /** Replaces an input's value (select all first: clear() fires no input event). */
  void type(String css, String text) {
    el(css).sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    browser.wait.until(ExpectedConditions.attributeToBe(By.cssSelector(css), "value", text));
  }

  /** The texts of the elements matching {@code css}, read in one script call (no stale reads). */
  @SuppressWarnings("unchecked")
  List<String> texts(String css) {
    return (List<String>)
        browser.driver.executeScript(
            "return Array.from(document.querySelectorAll(arguments[0]), e => e.innerText.trim());",
            css);
  }

  /** Whether the page is no wider than the window (nothing scrolls sideways). */
  boolean fitsWidth() {
    return ((Number)
                browser.driver.executeScript(
                    "return document.documentElement.scrollWidth"
                        + " - document.documentElement.clientWidth"))
            .intValue()
        <= 0;
  }
}
