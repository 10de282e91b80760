package org.bulwark.industry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.exchange.DepartmentRecords;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.registry.HouseholdFile;
import org.bulwark.screening.Warning;
import org.bulwark.screening.Warnings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.support.TransactionOperations;

/**
 * IND-02 through the real path: a project's failure, or a year without pay, recorded in the industry module reaches
 * the exchange as the platform's {@code industry_benefit} batch, whose re-screening raises the household's warning.
 */
@DatabaseTest
@EnableScenarios
class IndustryWarningFlowTest {

    private static final Duration AT_MOST = Duration.ofMinutes(1);

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Projects projects;

    @Autowired
    BenefitLinks links;

    @Autowired
    Warnings warnings;

    @Autowired
    DepartmentRecords records;

    BulwarkUser county;
    int thisYear = LocalDate.now().getYear();

    @BeforeEach
    void setUp() {
        county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
    }

    @Test
    void aProjectThatFailedThisYearWarnsItsLinkedHousehold(Scenario scenario) {
        IndustryTest test = new IndustryTest();
        Project project = fixtures.as(county, () -> projects.create(test.greenhouses(TestFixtures.VILLAGE_A)));
        HouseholdFile household = fixtures.household(county, TestFixtures.VILLAGE_A);
        long id = household.household().id();
        fixtures.as(
                county,
                () -> links.record(IndustryTest.linkOfYear(project.id(), household, "WAGES", "5000", thisYear)));

        scenario.stimulate((TransactionOperations tx) -> fixtures.as(
                        county,
                        () -> projects.update(
                                project.id(),
                                IndustryTest.withState(
                                        test.greenhouses(TestFixtures.VILLAGE_A), "FAILED", thisYear, 0))))
                .andWaitAtMost(AT_MOST)
                .andWaitForStateChange(() -> openWarnings(id), raised -> !raised.isEmpty())
                .andVerify(raised -> assertThat(raised).hasSize(1));
        // the household's file shows this year's snapshot, not the one handed ahead for next year's screening
        var shown = fixtures.as(county, () -> records.ofHousehold(id, TestFixtures.VILLAGE_A, 50)).records().stream()
                .filter(r -> r.category().equals("industry_benefit"))
                .map(r -> r.recordDate().getYear())
                .distinct()
                .toList();
        assertThat(shown).containsExactly(thisYear);
    }

    @Test
    void aHouseholdPaidLastYearAndNothingThisYearIsWarned(Scenario scenario) {
        // "paid nothing" counts from six whole months into the year (IND-02's default), and the listeners screen as of
        // the real day; before July only IndustryBenefitRuleTest's boundary cases can tell
        assumeTrue(LocalDate.now().getMonthValue() >= 7, "a year without pay counts from July");
        IndustryTest test = new IndustryTest();
        Project project = fixtures.as(county, () -> projects.create(test.greenhouses(TestFixtures.VILLAGE_A)));
        HouseholdFile household = fixtures.household(county, TestFixtures.VILLAGE_A);
        long id = household.household().id();

        scenario.stimulate((TransactionOperations tx) -> fixtures.as(
                        county,
                        () -> links.record(new BenefitLinkInput(
                                project.id(), id, null, "LAND_RENT", thisYear - 1, new BigDecimal("4000")))))
                .andWaitAtMost(AT_MOST)
                .andWaitForStateChange(() -> openWarnings(id), raised -> !raised.isEmpty())
                .andVerify(raised -> assertThat(raised).hasSize(1));
    }

    private List<Warning> openWarnings(long householdId) {
        return fixtures.as(county, () -> warnings.list("OPEN", false, TestFixtures.VILLAGE_A, 1000)).stream()
                .filter(w -> Long.valueOf(householdId).equals(w.householdId()))
                .filter(w -> w.ruleId().equals("IND-02"))
                .toList();
    }
}
