package org.bulwark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Chinese first on every page: signs in as each demo role and walks the pages reachable from its menu and from the
 * links on those pages (same origin, GET only, no sign-out, downloads or API, at most {@link #PER_PATTERN} pages of
 * each address pattern), and fails, naming page and words, when the text on a page holds a run of ASCII letters
 * that is not on the short allow-list below — an English sentence, an enum or field code — or a bare 12-digit
 * region code. Text is every text node of the page after htmx has loaded its parts, hidden ones included (a modal
 * or a collapsed part is read once opened); attributes are not text, and neither are {@code <script>},
 * {@code <style>}, {@code <code>} (the rules page shows the rules' CEL and the names it uses as code, as the province
 * wrote them) and a {@code <textarea>}'s content (what is typed in, such as a draft rule file). Writes the pages each
 * role reached to {@code target/chinese-pages.md}.
 */
class ChinesePagesBrowserTest extends BrowserTest {

    static final int PER_PATTERN = 2;
    static final int PER_ROLE = 70;

    /**
     * ASCII words that may stand on a Chinese page, each for a reason: the product's name; the language switch
     * names English in English; file formats, encodings and protocols that Chinese software names the same way (Excel,
     * CSV, the .xlsx of a template, PDF, JSON, YAML of the rule file, UTF-8 and GBK, HTTP, the API); TOTP and QR of
     * the second factor; ID of an access token; KB of a file's size; SHA of the SHA-256 fingerprint of an imported file.
     */
    static final Set<String> ALLOWED = Set.of(
            "Bulwark", "English", "Excel", "CSV", "csv", "xlsx", "PDF", "JSON", "YAML", "UTF", "GBK", "HTTP", "API",
            "TOTP", "QR", "ID", "KB", "SHA");

    /** A run of ASCII letters (with digits and underscores, as codes are written) not glued to a number before it. */
    private static final Pattern WORD = Pattern.compile("(?<![A-Za-z0-9_])_*[A-Za-z][A-Za-z0-9_]*");

    /**
     * Codes that are data and begin with capitals: a rule's number (INC-01), by which the province's rule file, its
     * notices and the county refer to the rule, always beside its title; a disease's ICD-10 code (C91, I63.9) in health
     * records; a housing safety grade (C级, D级: the appraisal standard letters its grades A to D).
     */
    private static final Pattern NUMBERED = Pattern.compile(
            "(?<![A-Za-z0-9])([A-Z]{2,4}-[0-9]{2}|[A-Z][0-9]{2}(\\.[0-9]{1,2})?|[A-D](?=级))(?![A-Za-z0-9])");

    /** An identifier the phone gives a visit (so that a visit sent twice is stored once), shown as the audit's object. */
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** A 12-digit region code, unless labelled as one (代码 520000000000, on the regions directory). */
    private static final Pattern REGION_CODE = Pattern.compile("(?<!代码 )(?<![0-9])[0-9]{12}(?![0-9])");

    private static final Pattern SKIPPED = Pattern.compile(
            "^/(api|logout|webjars|css|js|img|actuator)(/.*)?$|/export$|\\.(xlsx|csv|pdf|json|zip|png)$");

    private static final String TEXT = """
            var out = [], skip = {SCRIPT: 1, STYLE: 1, CODE: 1, NOSCRIPT: 1, TEMPLATE: 1, TEXTAREA: 1};
            var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (var n = walker.nextNode(); n; n = walker.nextNode()) {
              var e = n.parentElement, data = false;
              for (; e; e = e.parentElement) { if (skip[e.tagName]) { data = true; break; } }
              if (!data && n.nodeValue.trim()) { out.push(n.nodeValue.trim()); }
            }
            return out.join('\\n');""";

    private static final String LINKS = """
            return Array.from(document.querySelectorAll('a[href]'))
              .filter(function (a) { return !a.hasAttribute('download'); })
              .map(function (a) { return a.href; });""";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "cadre",
                "cadre2",
                "helper",
                "township",
                "county",
                "officer",
                "employment",
                "prefecture",
                "province",
                "leader",
                "sysadmin",
                "secadmin",
                "auditor"
            })
    void noPageOfTheRoleShowsEnglishCodesOrBareRegionCodes(String role) {
        signIn(role);
        Set<String> data = dataWords();
        Map<String, Set<String>> findings = new LinkedHashMap<>();
        Map<String, Integer> patterns = new HashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of("/"));
        List<String> read = new ArrayList<>();
        while (!queue.isEmpty() && read.size() < PER_ROLE) {
            String page = queue.poll();
            if (!seen.add(page) || patterns.merge(pattern(page), 1, Integer::sum) > PER_PATTERN) {
                continue;
            }
            read.add(page);
            browser.driver().get("http://127.0.0.1:" + port + page);
            settle();
            Set<String> bad = offenders((String) browser.script(TEXT), data);
            if (read.size() == 1) {
                browser.shot("home");
            }
            if (!bad.isEmpty() && findings.size() < 5) {
                browser.shot("offending-" + findings.size());
            }
            if (!bad.isEmpty()) {
                findings.put(page, bad);
            }
            for (Object href : (List<?>) browser.script(LINKS)) {
                String link = local((String) href);
                if (link != null && !seen.contains(link)) {
                    queue.add(link);
                }
            }
        }
        report(role, read);
        assertThat(read).as("pages visited as " + role).hasSizeGreaterThan(3);
        assertThat(findings)
                .as(role + " met ASCII words or bare region codes on Chinese pages (page=[words]):\n"
                        + findings.entrySet().stream()
                                .map(e -> e.getKey() + " = " + e.getValue())
                                .collect(Collectors.joining("\n")))
                .isEmpty();
    }

    @Test
    void theCheckCatchesCodesAndSentencesAndLetsDataAndUnitsPass() {
        assertThat(offenders("家庭年纯收入 net_income 71089.0，状态 OPEN", Set.of()))
                .extracting(w -> w.split(" ")[0])
                .containsExactly("OPEN", "net_income");
        assertThat(offenders("村 522324101209 的户", Set.of())).hasSize(1);
        assertThat(offenders("账户 county signed in", Set.of("county")))
                .extracting(w -> w.split(" ")[0])
                .containsExactly("in", "signed");
        assertThat(offenders(
                        "INC-01 家庭人均纯收入低于监测范围 · 住房鉴定为C级 · 诊断 I63.9 · 身份证号 52232419780412031X"
                                + " · 代码 520000000000 · 导出 Excel（.xlsx）· 户号 5223241012090001",
                        Set.of()))
                .isEmpty();
    }

    /** Appends the pages the role reached to target/chinese-pages.md (for the report; not asserted). */
    private static void report(String role, List<String> read) {
        try {
            Files.writeString(
                    Path.of("target", "chinese-pages.md"),
                    "## " + role + ": " + read.size() + " pages read\n\n" + String.join(" ", read) + "\n\n",
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Words that are data of the demo: login names (the account pages show them) and the uploaded files' names. */
    private Set<String> dataWords() {
        Set<String> words = new TreeSet<>();
        List<String> values = new ArrayList<>();
        values.addAll(
                jdbc.sql("select username from app_user").query(String.class).list());
        values.addAll(jdbc.sql("select file_name from exchange_batch where file_name is not null")
                .query(String.class)
                .list());
        // the receipt numbers residents are given, and the files counties imported
        values.addAll(jdbc.sql("select receipt_number from declaration")
                .query(String.class)
                .list());
        values.addAll(jdbc.sql("select file_name from registry_import")
                .query(String.class)
                .list());
        values.addAll(jdbc.sql("select file_name from roster_import")
                .query(String.class)
                .list());
        for (String value : values) {
            Matcher m = WORD.matcher(value);
            while (m.find()) {
                words.add(m.group());
            }
        }
        return words;
    }

    /** Each offending word with the text around its first occurrence. */
    private static Set<String> offenders(String text, Set<String> data) {
        Set<String> bad = new TreeSet<>();
        Set<String> words = new HashSet<>();
        String plain = NUMBERED.matcher(UUID.matcher(text).replaceAll("#")).replaceAll("#");
        Matcher word = WORD.matcher(plain);
        while (word.find()) {
            if (!ALLOWED.contains(word.group()) && !data.contains(word.group()) && words.add(word.group())) {
                bad.add(word.group() + " «" + around(plain, word.start(), word.end()) + "»");
            }
        }
        Matcher code = REGION_CODE.matcher(text);
        while (code.find()) {
            if (words.add(code.group())) {
                bad.add(code.group() + " «" + around(text, code.start(), code.end()) + "»");
            }
        }
        return bad;
    }

    private static String around(String text, int start, int end) {
        return text.substring(Math.max(0, start - 20), Math.min(text.length(), end + 20))
                .replaceAll("\\s+", " ");
    }

    /** The path and query of a link within the application, or null for one the walk leaves alone. */
    private String local(String href) {
        URI uri = URI.create(href);
        if (!"127.0.0.1".equals(uri.getHost()) || uri.getPort() != port) {
            return null;
        }
        String path = uri.getRawPath();
        String query = uri.getRawQuery();
        if (path == null || SKIPPED.matcher(path).find() || (query != null && query.contains("lang="))) {
            return null;
        }
        return query == null ? path : path + "?" + query;
    }

    /** The address with its numbers (ids, codes, years, pages) taken out, and its parameters by name only. */
    static String pattern(String page) {
        int q = page.indexOf('?');
        String path = (q < 0 ? page : page.substring(0, q)).replaceAll("/[0-9]+(?=/|$|\\.)", "/#");
        if (q < 0) {
            return path;
        }
        return path + "?"
                + new TreeSet<>(List.of(page.substring(q + 1).split("&")))
                        .stream().map(p -> p.replaceAll("=.*", "")).distinct().collect(Collectors.joining("&"));
    }

    /** Waits until the page and the parts htmx loads into it have arrived. */
    private void settle() {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> (Boolean) ((JavascriptExecutor) d)
                .executeScript("return document.readyState === 'complete'"
                        + " && !document.querySelector('.htmx-request, [hx-trigger^=load]:empty');"));
    }
}
