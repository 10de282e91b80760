package org.bulwark.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bulwark.DatabaseTest;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.screening.ClusterScreening;
import org.bulwark.screening.ClusterScreening.ClusterHit;
import org.junit.jupiter.api.Test;

/**
 * The platform's full run and the Spark job agree on a region: a generated county is screened by the platform, its
 * inputs exported as Parquet ({@code export-parquet}'s path), screened by the Spark job in local mode in a JVM of its
 * own (Spark and Spring Boot do not share a classpath), and the job's hits are the platform's open warnings — the
 * same (household or person, rule, level) triples with the same rule versions, deadlines, parameters, feature values
 * and records; taken back ({@code import-hits}'s path) they raise nothing new and leave no open warning unnamed,
 * raise a warning that went missing again with the same evidence, and are refused when of another rule version.
 */
@DatabaseTest
class SparkAgreementTest extends SparkAgreementSupport {

    /**
     * Yuanzhou, a county of its own: the bench tests sharing Zeku edit its registry and records between their runs,
     * and a warning keeps the evidence of the run that raised it, so only here are the open warnings exactly the
     * hits of this test's full run.
     */
    private static final String COUNTY = "640402";

    @Test
    void sparkJobFindsTheWarningsAndEvidenceOfThePlatformsFullRun() throws Exception {
        String county = COUNTY;
        try (var user = actAsAdmin(county)) {
            Agreement agreement = screenBothWays(county, 400);
            List<ClusterHit> found = agreement.found();
            Map<String, Figures> platform = agreement.platform();
            LocalDate asOf = agreement.asOf();
            // the county trips most rules, unregistered residents and records behind features included
            assertThat(found.stream().map(ClusterHit::ruleId).distinct()).hasSizeGreaterThanOrEqualTo(10);
            assertThat(found).anyMatch(hit -> hit.householdId() == null);
            assertThat(found).anyMatch(hit -> hit.records().values().stream().anyMatch(ids -> ids.length > 0));

            assertImportRaisesNothing(county, agreement);

            // a warning gone (as after a test's clean-up) is raised again, with the evidence the full run gave it
            long gone = jdbc.sql("select id from warning where status = 'OPEN' and village_code like :c "
                            + "and household_id is not null order by id limit 1")
                    .param("c", county + "%")
                    .query(Long.class)
                    .single();
            jdbc.sql("delete from warning where id = :id").param("id", gone).update();
            ClusterScreening.Imported again = cluster.importHits(county, asOf, found, "spark " + agreement.hits());
            assertThat(again.run().warningsRaised()).isEqualTo(1);
            assertThat(openWarnings(county)).isEqualTo(platform);

            // hits of a rule version not in force are refused, nothing stored
            ClusterHit hit = found.get(0);
            ClusterHit otherVersion = new ClusterHit(
                    hit.householdId(),
                    hit.idNumber(),
                    hit.regionCode(),
                    hit.ruleId(),
                    hit.ruleVersion() + "-draft",
                    hit.direction(),
                    hit.riskType(),
                    hit.level(),
                    hit.deadline(),
                    hit.parameters(),
                    hit.features(),
                    hit.records());
            assertThatThrownBy(() -> cluster.importHits(county, null, List.of(otherVersion), "test"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining(hit.ruleId());

            // a hit whose level no rule gives (a tampered file) is refused naming the hit, nothing stored
            ClusterHit tampered = new ClusterHit(
                    hit.householdId(),
                    hit.idNumber(),
                    hit.regionCode(),
                    hit.ruleId(),
                    hit.ruleVersion(),
                    hit.direction(),
                    hit.riskType(),
                    "PURPLE",
                    hit.deadline(),
                    hit.parameters(),
                    hit.features(),
                    hit.records());
            Map<String, ?> before = openWarnings(county);
            assertThatThrownBy(() -> cluster.importHits(county, null, List.of(tampered), "test"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining(hit.ruleId())
                    .hasMessageContaining("PURPLE")
                    .extracting(
                            e -> ((InvalidInputException) e).problems().get(0).code())
                    .isEqualTo("hit_not_as_its_rule");
            assertThat(openWarnings(county)).isEqualTo(before);
        }
    }
}
