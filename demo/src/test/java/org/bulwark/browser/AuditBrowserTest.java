package org.bulwark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/**
 * The audit administrator reads the audit log of the demo as a county office would (issue 14, item 20): in Chinese,
 * people by name and role, what changed as a table; filters by action and object narrow it to the case decisions,
 * 50 to a page, and the next page follows with the same filter.
 */
class AuditBrowserTest extends BrowserTest {

    /** Words of the platform's codes and of the English sentences the log used to show. */
    private static final List<String> NOT_CHINESE = List.of(
            "signed in",
            "second factor",
            "access token",
            "HOME_VERIFICATION",
            "DATA_COMPARISON",
            "PASS",
            "IDENTIFICATION",
            "MONITORED",
            "\"step\"",
            "{\"");

    @Test
    void theAuditorFiltersTheLogAndPagesThroughIt() {
        signIn("auditor");
        browser.open("/audit", "all");
        assertThat(browser.text())
                .contains("审计日志")
                .contains("操作人")
                .contains("第 1 页 · 每页 50 条")
                .contains("登录成功")
                .contains("郑审计");
        assertThat(browser.all("#audit-entries > tbody > tr")).hasSize(50);

        new Select(browser.find("#action")).selectByValue("UPDATE");
        new Select(browser.find("#entityType")).selectByValue("case");
        // a date field types as the browser's locale has it; the value itself is the same everywhere
        browser.script("arguments[0].value = '2000-01-01';", browser.find("#from"));
        browser.click("#audit-filter button[type=submit]");
        browser.shot("case-decisions");
        // how long the filtered page took, for BENCHMARKS.md (printed, not asserted: the machine is shared)
        System.out.println("audit page (filtered, 50 entries) loaded in "
                + browser.script(
                        "var t = performance.getEntriesByType('navigation')[0]; return Math.round(t.loadEventEnd - t.startTime);")
                + " ms");
        String page = browser.text();
        assertThat(browser.all("#audit-entries > tbody > tr")).hasSize(50);
        assertThat(page)
                .contains("修改")
                .contains("案件")
                .contains("环节")
                .contains("结论")
                .contains("下一页");
        assertThat(page).containsAnyOf("入户核实：通过", "数据比对：通过", "村级民主评议：通过", "公示：通过", "乡镇审核：通过", "县级审批：通过");
        NOT_CHINESE.forEach(word -> assertThat(page).as(word).doesNotContain(word));

        browser.click("#audit-next");
        browser.shot("next-page");
        assertThat(browser.text()).contains("第 2 页").contains("上一页");
        System.out.println("audit page height " + browser.script("return document.body.scrollHeight;") + " px");
        assertThat(browser.driver().getCurrentUrl())
                .contains("entityType=case")
                .contains("action=UPDATE")
                .contains("page=2");
        assertThat(new Select(browser.find("#entityType"))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("案件");
    }
}
