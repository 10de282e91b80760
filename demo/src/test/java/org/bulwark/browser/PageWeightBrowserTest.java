package org.bulwark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What each main page costs to load, measured by the browser (Resource Timing transfer sizes, compressed as sent)
 * with an empty cache: the page itself and its own requests must stay under 300 KB; the static files (Bootstrap,
 * htmx, ECharts, our CSS and JS) are counted apart, since they are cached after the first visit. Writes the
 * figures to {@code target/page-weight.md} for BENCHMARKS.md.
 */
class PageWeightBrowserTest extends BrowserTest {

    static final long LIMIT = 300 * 1024;

    @Test
    void everyMainPageStaysUnder300KilobytesApartFromCachedStaticFiles() throws Exception {
        long household = number("select min(id) from household where village_code like '522324101%'");
        long warning = number("select min(id) from warning where village_code like '522324101%'");
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("households", "/households");
        pages.put("household-file", "/households/" + household);
        pages.put("warnings", "/warnings");
        pages.put("warning", "/warnings/" + warning);
        pages.put("dashboard-county", "/dashboard");
        pages.put("dashboard-township", "/dashboard?region=522324101000");
        pages.put("dashboard-households", "/dashboard/households?measure=registry.households&region=522324101000");
        pages.put("exchange", "/exchange");
        pages.put("screening", "/screening");
        pages.put("audit", "/audit");
        signIn("county");
        List<String> lines = new ArrayList<>();
        lines.add(
                "| page (county user) | page and its own requests | static files, first visit | static files, next visit |");
        lines.add("|---|---|---|---|");
        for (Map.Entry<String, String> page : pages.entrySet()) {
            browser.clearCache().open(page.getValue(), page.getKey());
            long[] first = transfer();
            browser.open(page.getValue(), page.getKey() + "-again");
            long[] again = transfer();
            lines.add(String.format(
                    "| `%s` | %.1f KB | %.1f KB | %.1f KB |",
                    page.getValue(), first[0] / 1024.0, first[1] / 1024.0, again[1] / 1024.0));
            assertThat(first[0]).as(page.getKey()).isLessThan(LIMIT);
            assertThat(again[1])
                    .as(page.getKey() + ": static files come from the cache")
                    .isLessThan(4 * 1024);
        }
        Files.write(Path.of("target", "page-weight.md"), lines);
    }

    /** Bytes over the wire for the current page: [page and its non-static requests, static files]. */
    private long[] transfer() {
        @SuppressWarnings("unchecked")
        List<Number> sizes = (List<Number>) browser.script("""
                var page = performance.getEntriesByType('navigation')[0].transferSize, statics = 0;
                performance.getEntriesByType('resource').forEach(function (e) {
                  if (/^\\/(webjars|css|js)\\//.test(new URL(e.name).pathname)) { statics += e.transferSize; }
                  else { page += e.transferSize; }
                });
                return [page, statics];""");
        return new long[] {sizes.get(0).longValue(), sizes.get(1).longValue()};
    }
}
