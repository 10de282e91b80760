package org.bulwark.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips browser tests, before any application starts, where Debian's Chromium or its driver is not installed; the
 * reason says how to install them. {@code .ci/run} installs both, so CI always runs these tests.
 */
final class ChromiumAvailable implements ExecutionCondition {

    static final String INSTALL = "sudo apt-get install -y chromium chromium-driver fonts-noto-cjk";

    /** The browser: {@code BULWARK_CHROMIUM} or Debian's {@code /usr/bin/chromium}. */
    static Path browser() {
        return Path.of(System.getenv().getOrDefault("BULWARK_CHROMIUM", "/usr/bin/chromium"));
    }

    /** The driver: {@code BULWARK_CHROMEDRIVER} or Debian's {@code /usr/bin/chromedriver}. */
    static Path driver() {
        return Path.of(System.getenv().getOrDefault("BULWARK_CHROMEDRIVER", "/usr/bin/chromedriver"));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        for (Path required : new Path[] {browser(), driver()}) {
            if (!Files.isExecutable(required)) {
                String reason = "Browser tests skipped: " + required + " is not installed. Install Chromium and its "
                        + "driver with: " + INSTALL + " (or set BULWARK_CHROMIUM and BULWARK_CHROMEDRIVER)";
                System.err.println(reason);
                // CI installs them and says so: there a missing browser is a failure, not a quiet skip
                if (Boolean.getBoolean("bulwark.browser.required")) {
                    throw new IllegalStateException(reason);
                }
                return ConditionEvaluationResult.disabled(reason);
            }
        }
        return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
    }
}
