package org.bulwark.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bulwark.DatabaseTest;
import org.bulwark.screening.ClusterScreening.ClusterHit;
import org.bulwark.screening.RuleBook;
import org.bulwark.screening.RunReport;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The platform and the Spark job agree under a province's own rule file too: the platform is started with Shaanxi's
 * own file ({@code bulwark.screening.rules}: the shipped file with a higher monitoring line and lower medical
 * thresholds for Shaanxi in the as-of year, and a version of its own), a Shaanxi county is screened by its full run
 * and, from the export (whose {@code rules.yaml} is the file in force), by the Spark job, and both find the same
 * triples with the same evidence — the evidence carrying the province's thresholds, and hits the shipped thresholds
 * would not give.
 */
@DatabaseTest
class SparkAgreementProvinceRulesTest extends SparkAgreementSupport {

    /** Shangnan (Shaanxi), a county and a province no other test uses: the province's own thresholds touch no other. */
    private static final String COUNTY = "611023";

    private static final String VERSION = "2026.1-sn";

    private static final double LINE = 12000;

    private static final double MED_THRESHOLD_LOW = 2000;

    private static final double MED_THRESHOLD_HIGH = 8000;

    /** The shipped defaults the province's file departs from. */
    private static final double DEFAULT_LINE = 8700;

    private static final double DEFAULT_MED_THRESHOLD_LOW = 5000;

    private static final double DEFAULT_MED_THRESHOLD_HIGH = 20000;

    private static final Path RULES = writeProvinceFile();

    @DynamicPropertySource
    static void provinceRules(DynamicPropertyRegistry registry) {
        registry.add("bulwark.screening.rules", RULES::toString);
    }

    @Test
    void sparkJobAndPlatformAgreeUnderTheProvincesOwnRuleFile() throws Exception {
        assertThat(ruleBook.active().version()).isEqualTo(VERSION);
        try (var user = actAsAdmin(COUNTY)) {
            Agreement agreement = screenBothWays(COUNTY, 300);
            assertThat(agreement.report().rulesVersion()).isEqualTo(VERSION);
            assertThat(agreement.found()).isNotEmpty().allMatch(hit -> VERSION.equals(hit.ruleVersion()));

            // the province's line was applied, and flags households at or above the shipped line
            List<ClusterHit> below = hits(agreement, "INC-01");
            assertThat(below).extracting(hit -> hit.parameters().get("line")).containsOnly(LINE);
            assertThat(below).anyMatch(hit -> perCapita(hit) >= DEFAULT_LINE);
            // the province's medical threshold was applied, and flags costs the shipped threshold lets pass
            List<ClusterHit> medical = hits(agreement, "MED-01");
            assertThat(medical)
                    .extracting(hit -> hit.parameters().get("med_threshold_low"))
                    .containsOnly(MED_THRESHOLD_LOW);
            assertThat(medical)
                    .extracting(hit -> hit.parameters().get("med_threshold_high"))
                    .containsOnly(MED_THRESHOLD_HIGH);
            assertThat(medical)
                    .anyMatch(hit -> Double.parseDouble(hit.features().get("out_of_pocket"))
                            < ("true".equals(hit.features().get("monitored_or_assisted"))
                                    ? DEFAULT_MED_THRESHOLD_LOW
                                    : DEFAULT_MED_THRESHOLD_HIGH));

            // the shipped file, shadow-run on the same county, finds fewer of both
            RunReport shipped = runs.shadow(COUNTY, agreement.asOf(), RuleBook.draft(shippedText(), "rules.yaml"));
            Map<String, Integer> byRule = agreement.report().hitsByRule();
            assertThat(shipped.hitsByRule().getOrDefault("INC-01", 0)).isLessThan(byRule.get("INC-01"));
            assertThat(shipped.hitsByRule().getOrDefault("MED-01", 0)).isLessThan(byRule.get("MED-01"));

            assertImportRaisesNothing(COUNTY, agreement);
        }
    }

    private static List<ClusterHit> hits(Agreement agreement, String rule) {
        List<ClusterHit> hits = agreement.found().stream()
                .filter(hit -> hit.ruleId().equals(rule))
                .toList();
        assertThat(hits).as(rule).isNotEmpty();
        return hits;
    }

    private static double perCapita(ClusterHit hit) {
        return Double.parseDouble(hit.features().get("net_income"))
                / Double.parseDouble(hit.features().get("members"));
    }

    /**
     * Shaanxi's own file, written before the context starts: the shipped file with a version of its own and, for the
     * as-of year (today's, as the test screens), a higher line and lower medical thresholds for the province.
     */
    private static Path writeProvinceFile() {
        try {
            String shipped = shippedText();
            int year = LocalDate.now().getYear();
            String own = shipped.replace("version: \"2026.1\"", "version: \"" + VERSION + "\"")
                    .replace(
                            "  \"53\":",
                            "  \"61\":\n    " + year + ":\n      line: " + (int) LINE + "\n"
                                    + "      med_threshold_low: " + (int) MED_THRESHOLD_LOW + "\n"
                                    + "      med_threshold_high: " + (int) MED_THRESHOLD_HIGH + "\n  \"53\":");
            assertThat(own).contains(VERSION, "\"61\":", "line: 12000");
            Path file = Files.createTempFile("bulwark-shaanxi-rules", ".yaml");
            file.toFile().deleteOnExit();
            return Files.writeString(file, own, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String shippedText() throws IOException {
        try (InputStream in = RuleBook.class.getClassLoader().getResourceAsStream("screening/rules.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
