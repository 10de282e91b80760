package org.bulwark.browser;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The first load of every main page of every demo role after a restart, in headless Chromium with an empty cache
 * (issue 14, item 28). A benchmark, not a test: it asserts nothing about time and runs only from
 * {@code bench/first-load.sh}, which passes the platform's tools jar and a seeded demo folder. For each run and
 * role (or, with {@code bulwark.bench.restart=run}, for each run only) it restarts {@code bulwark demo}, waits until
 * the server is idle, opens the sign-in page, signs in, then opens each link of the role's menu
 * and the first record of each list (a household's file, a warning, a case) once, emptying the HTTP cache before
 * each page, and reads the page's Navigation Timing and the moment its ECharts charts were drawn. Writes a markdown
 * table of min / median over the runs to {@code bulwark.bench.out}.
 */
@Tag("bench")
@ExtendWith(ChromiumAvailable.class)
@EnabledIfSystemProperty(named = "bulwark.bench.jar", matches = ".+")
class FirstLoadBenchmark {

    static final String PASSWORD = "Bulwark@2026";
    static final String[] METRICS = {
        "responseStart", "responseEnd", "domContentLoaded", "loadEventEnd", "firstScreen", "charts"
    };

    /**
     * Each chart page sets data-drawn on its [data-chart] elements; this notes when the last one was drawn. The
     * dashboard draws the charts of the first screen first and marks the page data-first-screen-drawn, then the rest
     * while the browser is idle: the first screen is ready when that mark is set (elsewhere, when all are drawn).
     */
    static final String CHART_PROBE = """
            new MutationObserver(function (changes, observer) {
              if (!window.__firstScreen && document.documentElement.getAttribute('data-first-screen-drawn') === 'true') {
                window.__firstScreen = performance.now();
              }
              var charts = document.querySelectorAll('[data-chart]');
              if (charts.length && Array.from(charts).every(function (e) { return e.getAttribute('data-drawn') === 'true'; })) {
                window.__chartsDrawn = performance.now(); observer.disconnect();
              }
            }).observe(document, {subtree: true, attributes: true,
              attributeFilter: ['data-drawn', 'data-first-screen-drawn']});""";

    final String jar = System.getProperty("bulwark.bench.jar");
    final String data = System.getProperty("bulwark.bench.data");
    final int port = Integer.getInteger("bulwark.bench.port", 8095);
    final int runs = Integer.getInteger("bulwark.bench.runs", 3);
    final List<String> roles = Arrays.asList(System.getProperty(
                    "bulwark.bench.roles",
                    "resident county cadre township helper officer prefecture province leader sysadmin secadmin auditor")
            .split("\\s+"));
    /** A restart before each role (the default), or one restart per run with the roles one after another. */
    final boolean restartEachRole = !"run".equals(System.getProperty("bulwark.bench.restart", "role"));

    final String base = "http://127.0.0.1:" + port;

    /** role → page → metric → one value per run (ms from the start of the navigation). */
    final Map<String, Map<String, Map<String, List<Double>>>> results = new LinkedHashMap<>();

    @Test
    void firstLoadOfEveryPageAfterARestart() throws Exception {
        for (int run = 1; run <= runs; run++) {
            if (restartEachRole) {
                for (String role : roles) {
                    measure(List.of(role));
                }
            } else {
                measure(roles);
            }
        }
        Path out = Path.of(System.getProperty("bulwark.bench.out", "target/first-load.md"));
        Files.write(out, table());
        System.out.println(String.join("\n", table()));
    }

    /** Restarts the server, then measures the roles one after another, each in a browser of its own. */
    private void measure(List<String> roles) throws IOException, InterruptedException {
        Process server = start();
        try {
            for (String role : roles) {
                try (Browser browser = new Browser(base, "FirstLoadBenchmark-" + role)) {
                    measureRole(browser, role);
                }
            }
        } finally {
            stop(server);
        }
    }

    private void measureRole(Browser browser, String role) {
        ChromeDriver driver = browser.driver();
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CHART_PROBE));
        if (role.equals("resident")) {
            for (String path : List.of("/declare?village=522324101209", "/declare/status", "/login")) {
                load(browser, role, path, path);
            }
            return;
        }
        load(browser, role, "/login", "/login");
        driver.findElement(By.name("username")).sendKeys(role);
        driver.findElement(By.name("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        record(browser, role, "/ (sign-in POST and redirect included)");
        browser.shot("home");
        Set<String> pages = new LinkedHashSet<>(menu(browser));
        List<String> queue = new ArrayList<>(pages);
        for (int i = 0; i < queue.size(); i++) {
            String path = queue.get(i);
            try {
                load(browser, role, path, path.replaceAll("/\\d+", "/{id}"));
            } catch (WebDriverException e) {
                // one page that does not load must not lose the run's other figures; the table lacks its line
                System.err.println("first-load: " + role + " " + path + " did not load: " + e.getMessage());
                continue;
            }
            String record = firstRecord(browser, path);
            if (record != null && pages.add(record)) {
                queue.add(i + 1, record);
            }
        }
    }

    /** The role's menu: the links of the navigation bar, apart from the API's documentation. */
    @SuppressWarnings("unchecked")
    private List<String> menu(Browser browser) {
        return (List<String>) browser.script("""
                return Array.from(document.querySelectorAll('#nav .navbar-nav a.nav-link, #nav .navbar-nav a.dropdown-item'))
                  .map(function (a) { return new URL(a.href).pathname; })
                  .filter(function (p) { return p !== '/api/docs'; });""");
    }

    /** The first record a list links to (e.g. /households → /households/2445), or null. */
    private String firstRecord(Browser browser, String list) {
        if (!List.of("/households", "/warnings", "/cases").contains(list)) {
            return null;
        }
        return (String) browser.script("""
                var re = new RegExp('^' + arguments[0] + '/\\\\d+$');
                var a = Array.from(document.querySelectorAll('main a[href]'))
                  .find(function (a) { return re.test(new URL(a.href).pathname); });
                return a ? new URL(a.href).pathname : null;""", list);
    }

    private void load(Browser browser, String role, String path, String label) {
        browser.clearCache();
        browser.driver().get(base + path);
        record(browser, role, label);
        browser.shot(label.replaceAll("[^a-z0-9]+", "-"));
    }

    /** Waits for the load event and the charts, then keeps the navigation's timings. */
    @SuppressWarnings("unchecked")
    private void record(Browser browser, String role, String label) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> (Boolean) browser.script("""
                var n = performance.getEntriesByType('navigation')[0];
                return n && n.loadEventEnd > 0 && (!document.querySelector('[data-chart]') || window.__chartsDrawn > 0);"""));
        Map<String, Number> timing = (Map<String, Number>) browser.script("""
                var n = performance.getEntriesByType('navigation')[0];
                return {responseStart: n.responseStart, responseEnd: n.responseEnd,
                  domContentLoaded: n.domContentLoadedEventEnd, loadEventEnd: n.loadEventEnd,
                  firstScreen: window.__firstScreen || window.__chartsDrawn || -1,
                  charts: window.__chartsDrawn || -1};""");
        Map<String, List<Double>> metrics = results.computeIfAbsent(role, r -> new LinkedHashMap<>())
                .computeIfAbsent(label, l -> new LinkedHashMap<>());
        for (String metric : METRICS) {
            metrics.computeIfAbsent(metric, m -> new ArrayList<>())
                    .add(timing.get(metric).doubleValue());
        }
    }

    private List<String> table() {
        List<String> lines = new ArrayList<>();
        lines.add("| role | page | response start | response end | DOMContentLoaded | load event | first screen drawn "
                + "| all charts drawn |");
        lines.add("|---|---|---|---|---|---|---|---|");
        results.forEach((role, pages) -> pages.forEach((page, metrics) -> {
            StringBuilder line = new StringBuilder("| " + role + " | `" + page + "` |");
            for (String metric : METRICS) {
                line.append(' ').append(minMedian(metrics.get(metric))).append(" |");
            }
            lines.add(line.toString());
        }));
        lines.add("");
        lines.add("min / median of " + runs + " run(s), ms from the start of the navigation; "
                + (restartEachRole
                        ? "each role after a restart"
                        : "one restart per run, then the roles one after another in this order"));
        return lines;
    }

    private static String minMedian(List<Double> values) {
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted[0] < 0) {
            return "–";
        }
        double median = sorted.length % 2 == 1
                ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        return String.format("%.0f / %.0f", sorted[0], median);
    }

    /** Starts {@code bulwark demo} on the seeded folder and waits until it accepts connections. */
    private Process start() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                        java, "-jar", jar, "demo", "--port", String.valueOf(port), "--data-dir", data)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        Path.of("target", "first-load-server.log").toFile()));
        builder.environment().put("BULWARK_DATA_DIR", data);
        Process server = builder.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline && server.isAlive()) {
            // a connection, not a request: a request for a page would be that page's first load
            try (Socket socket = new Socket("127.0.0.1", port)) {
                settle(server);
                return server;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        stop(server);
        throw new IllegalStateException("bulwark demo did not come up; see target/first-load-server.log");
    }

    /**
     * Waits until the server has used less than a tenth of a core for two seconds running (at most 90 s): what runs
     * in the background of a start (the JIT compiler, checks and warm-ups) is over, as for a visitor who comes
     * some time after the restart rather than racing it.
     */
    private static void settle(Process server) throws IOException, InterruptedException {
        Path stat = Path.of("/proc", String.valueOf(server.pid()), "stat");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        long before = cpuTicks(stat);
        int quiet = 0;
        while (quiet < 2 && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            long now = cpuTicks(stat);
            quiet = now - before < 10 ? quiet + 1 : 0;
            before = now;
        }
    }

    /** User and system time of the process so far, in clock ticks (fields 14 and 15 of /proc/PID/stat). */
    private static long cpuTicks(Path stat) throws IOException {
        String line = Files.readString(stat);
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static void stop(Process server) throws InterruptedException {
        server.destroy();
        if (!server.waitFor(60, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor();
        }
    }
}
