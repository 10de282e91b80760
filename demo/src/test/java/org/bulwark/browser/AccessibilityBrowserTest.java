package org.bulwark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * What a user who reads with low vision or works by keyboard meets on every page: text of the menu and the badges at
 * a contrast of at least 4.5:1 (WCAG 2.1 AA), a link that skips the menu, and focus that is plainly visible.
 */
class AccessibilityBrowserTest extends BrowserTest {

    /** Contrast of an element's text against the first opaque background behind it, computed by the browser. */
    private static final String CONTRAST = """
            function lum(rgb) {
              var c = rgb.match(/[\\d.]+/g).slice(0, 3).map(function (v) {
                v = v / 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
              return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
            }
            function background(e) {
              for (; e; e = e.parentElement) {
                var b = getComputedStyle(e).backgroundColor, a = b.match(/[\\d.]+/g);
                if (a && (a.length < 4 || Number(a[3]) === 1)) { return b; }
              }
              return 'rgb(255, 255, 255)';
            }
            var e = arguments[0], f = lum(getComputedStyle(e).color), b = lum(background(e));
            return (Math.max(f, b) + 0.05) / (Math.min(f, b) + 0.05);
            """;

    @Test
    void theMenuReadsAtAAContrastAndTheKeyboardSkipsItWithVisibleFocus() {
        signIn("county");
        browser.open("/warnings", "warnings");
        List<WebElement> links = browser.all("nav .nav-link");
        assertThat(links).isNotEmpty();
        for (WebElement link : links) {
            if (link.isDisplayed()) {
                assertThat(((Number) browser.script(CONTRAST, link)).doubleValue())
                        .as(link.getText())
                        .isGreaterThanOrEqualTo(4.5);
            }
        }
        for (WebElement badge : browser.all(".badge")) {
            if (badge.isDisplayed()) {
                assertThat(((Number) browser.script(CONTRAST, badge)).doubleValue())
                        .as(badge.getText())
                        .isGreaterThanOrEqualTo(4.5);
            }
        }

        WebElement body = browser.find("body");
        body.sendKeys(Keys.TAB);
        WebElement skip = (WebElement) browser.script("return document.activeElement;");
        assertThat(skip.getText()).isEqualTo("跳到正文");
        assertThat(skip.isDisplayed()).isTrue();
        assertThat((String) browser.script("return getComputedStyle(document.activeElement).outlineStyle;"))
                .isEqualTo("solid");
        browser.shot("skip-link");
        skip.sendKeys(Keys.ENTER);
        assertThat((String) browser.script("return document.activeElement.id;")).isEqualTo("main");

        WebElement menuLink =
                (WebElement) browser.script("var l = document.querySelector('nav .nav-link'); l.focus(); return l;");
        assertThat((String) browser.script("return getComputedStyle(arguments[0]).outlineWidth;", menuLink))
                .isEqualTo("3px");
    }
}
