package org.bulwark.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's Chromium, headless, driven by its chromedriver: opens pages of the application under test, signs in,
 * and saves a screenshot of every page it visits under {@code target/screenshots/<test>-<step>.png}.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Path DOWNLOADS = Path.of("target", "browser-downloads").toAbsolutePath();
    private static final boolean TAKE_SCREENSHOTS = !"false".equals(System.getProperty("bulwark.browser.screenshots"));

    private final ChromeDriver driver;
    private final String base;
    private final Path profile;
    private final String testName;
    private int step;

    Browser(String base, String testName) {
        this.base = base;
        this.testName = testName;
        try {
            profile = Files.createTempDirectory(Path.of("target"), "chromium-profile");
            Files.createDirectories(SCREENSHOTS);
            // screenshots of an earlier run of this test would mix with this run's
            try (var old = Files.newDirectoryStream(SCREENSHOTS, testName + "-*.png")) {
                for (Path file : old) {
                    Files.delete(file);
                }
            }
            Files.createDirectories(DOWNLOADS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ChromiumAvailable.browser().toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-default-apps",
                "--disable-extensions",
                "--window-size=1280,900",
                "--lang=zh-CN",
                "--user-data-dir=" + profile.toAbsolutePath());
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", DOWNLOADS.toString());
        prefs.put("download.prompt_for_download", false);
        prefs.put("intl.accept_languages", "zh-CN,zh");
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(ChromiumAvailable.driver().toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens a page of the application and saves its screenshot. */
    Browser open(String path, String stepName) {
        driver.get(base + path);
        return shot(stepName);
    }

    /**
     * Saves a screenshot of the whole page as it is now, unless {@code -Dbulwark.browser.screenshots=false}: CI
     * takes none, as nobody looks at them there and headless Chromium now and then never answers a capture, after
     * which its driver answers no other command of the test either.
     */
    Browser shot(String stepName) {
        waitForCharts();
        if (!TAKE_SCREENSHOTS) {
            return this;
        }
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Number> size = (Map<String, Number>) metrics.get("cssContentSize");
        // the page's own width: once the capture grows the viewport to the whole page, its scrollbar goes away
        double width = Math.max(
                size.get("width").doubleValue(),
                ((Number) driver.executeScript("return window.innerWidth;")).doubleValue());
        double height = Math.min(size.get("height").doubleValue(), 8000);
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1);
        Path file = SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", testName, ++step, stepName));
        Map<String, Object> shot;
        try {
            shot = driver.executeCdpCommand(
                    "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        } catch (TimeoutException e) {
            // headless Chromium now and then never answers a capture of a tall page; the screenshot is a record for
            // people, not what the test asserts, so the step goes on and says which picture is missing
            System.err.printf("screenshot %s not taken: Chromium did not answer the capture (%s)%n", file, e);
            return this;
        }
        try {
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Charts draw after the scripts load; screenshots and assertions wait for them. */
    private void waitForCharts() {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> (Boolean) ((JavascriptExecutor) d)
                .executeScript(
                        "return document.readyState === 'complete' && Array.from(document.querySelectorAll('[data-chart]'))"
                                + ".every(function (e) { return e.getAttribute('data-drawn') === 'true'; })"));
    }

    /** Signs in through the login form (after signing out whoever was signed in). */
    Browser signIn(String username, String password) {
        driver.manage().deleteAllCookies();
        driver.get(base + "/login");
        driver.findElement(By.name("username")).sendKeys(username);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        return this;
    }

    /**
     * Clicks an element after scrolling it to the middle of the window at once (Bootstrap scrolls smoothly, and a
     * click during the scroll would land on whatever passes under the pointer).
     */
    Browser click(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
        return this;
    }

    Browser click(String css) {
        return click(find(css));
    }

    /**
     * Clicks a button that submits a form and waits until the page it leads to has replaced this one, so the next
     * step does not navigate away while the server is still deciding.
     */
    Browser submit(WebElement button) {
        WebElement page = driver.findElement(By.tagName("html"));
        click(button);
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(page));
        return this;
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Emulates a phone's screen (CSS pixels, at twice the density) until {@link #desktop()}. */
    Browser phone(int width, int height) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
        return this;
    }

    /** Emulates a large desktop screen (a meeting room's) until {@link #desktop()}. */
    Browser screen(int width, int height) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        return this;
    }

    /** Empties the HTTP cache, so the next page loads as on a first visit. */
    Browser clearCache() {
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        return this;
    }

    Browser desktop() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        return this;
    }

    @Override
    public void close() {
        driver.quit();
        FileSystemUtils.deleteRecursively(profile.toFile());
    }
}
