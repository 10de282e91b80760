package org.bulwark.core.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bulwark.core.screening.ScreeningScenario.AS_OF;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** DIS-01, EDU-01 and EDU-02. */
class DisabilityAndSchoolingRulesTest {

    /** School year 2025/26 record date, the as-of date being 30 June 2026. */
    private static final LocalDate THIS_SCHOOL_YEAR = LocalDate.of(2025, 9, 1);

    private static void certificate(ScreeningScenario scenario, int household, LocalDate issued, double grade) {
        scenario.records("disability_certificate")
                .add(household, scenario.person(household, 45), issued)
                .text("type", "physical")
                .number("grade", grade);
    }

    @Test
    void warnsOfANewCertificateOfGradeOneOrTwoButNotThree() {
        ScreeningScenario scenario = new ScreeningScenario();
        int gradeOne = scenario.comfortableHousehold();
        int gradeTwo = scenario.comfortableHousehold();
        int gradeThree = scenario.comfortableHousehold();
        certificate(scenario, gradeOne, AS_OF.minusMonths(1), 1);
        certificate(scenario, gradeTwo, AS_OF.minusMonths(1), 2);
        certificate(scenario, gradeThree, AS_OF.minusMonths(1), 3);

        assertThat(scenario.ruleIds(gradeOne)).containsExactly("DIS-01");
        assertThat(scenario.ruleIds(gradeTwo)).containsExactly("DIS-01");
        assertThat(scenario.ruleIds(gradeThree)).isEmpty();
    }

    @Test
    void certificateWithoutGradeOrOlderThanTwelveMonthsRaisesNothing() {
        ScreeningScenario scenario = new ScreeningScenario();
        int noGrade = scenario.comfortableHousehold();
        int old = scenario.comfortableHousehold();
        scenario.records("disability_certificate").add(noGrade, scenario.person(noGrade, 45), AS_OF.minusMonths(1));
        certificate(scenario, old, AS_OF.minusMonths(12), 1);

        assertThat(scenario.ruleIds(noGrade)).isEmpty();
        assertThat(scenario.ruleIds(old)).isEmpty();
    }

    private static int child(ScreeningScenario scenario, int household, LocalDate birth, String status) {
        int child = scenario.person(household, birth, false, false);
        scenario.records("school_status")
                .add(household, child, THIS_SCHOOL_YEAR)
                .text("stage", "junior")
                .text("status", status);
        return child;
    }

    @Test
    void warnsOfADropOutAgedFifteenButNotSixteenOnTheRecordDate() {
        ScreeningScenario scenario = new ScreeningScenario();
        int fifteen = scenario.comfortableHousehold();
        int sixteen = scenario.comfortableHousehold();
        child(scenario, fifteen, LocalDate.of(2010, 9, 1), "dropped_out");
        child(scenario, sixteen, LocalDate.of(2009, 9, 1), "dropped_out");

        assertThat(scenario.ruleIds(fifteen)).containsExactly("EDU-01");
        assertThat(scenario.ruleIds(sixteen)).isEmpty();
    }

    @Test
    void warnsOfADropOutAgedSixButNotFive() {
        ScreeningScenario scenario = new ScreeningScenario();
        int six = scenario.comfortableHousehold();
        int five = scenario.comfortableHousehold();
        child(scenario, six, LocalDate.of(2019, 9, 1), "dropped_out");
        child(scenario, five, LocalDate.of(2019, 9, 2), "dropped_out");

        assertThat(scenario.ruleIds(six)).containsExactly("EDU-01");
        assertThat(scenario.ruleIds(five)).isEmpty();
    }

    @Test
    void childBackAtSchoolLaterInTheYearOrDroppedOutLastYearRaisesNothing() {
        ScreeningScenario scenario = new ScreeningScenario();
        int back = scenario.comfortableHousehold();
        int lastYear = scenario.comfortableHousehold();
        int child = child(scenario, back, LocalDate.of(2014, 3, 3), "dropped_out");
        scenario.records("school_status")
                .add(back, child, LocalDate.of(2026, 2, 20))
                .text("status", "enrolled");
        scenario.records("school_status")
                .add(lastYear, scenario.person(lastYear, 12), LocalDate.of(2024, 9, 1))
                .text("status", "dropped_out");

        assertThat(scenario.ruleIds(back)).isEmpty();
        assertThat(scenario.ruleIds(lastYear)).isEmpty();
    }

    @Test
    void enrolledChildRaisesNothing() {
        ScreeningScenario scenario = new ScreeningScenario();
        int enrolled = scenario.comfortableHousehold();
        child(scenario, enrolled, LocalDate.of(2014, 3, 3), "enrolled");

        assertThat(scenario.ruleIds(enrolled)).isEmpty();
    }

    private static void aid(ScreeningScenario scenario, int household, double cost, double aid) {
        scenario.records("student_aid")
                .add(household, scenario.person(household, 19), THIS_SCHOOL_YEAR)
                .number("non_compulsory_cost", cost)
                .number("amount", aid);
    }

    @Test
    void warnsWhenSchoolingCostAfterAidExceedsTenThousand() {
        ScreeningScenario scenario = new ScreeningScenario();
        int above = scenario.comfortableHousehold();
        int at = scenario.comfortableHousehold();
        aid(scenario, above, 15_000, 4_999.99);
        aid(scenario, at, 15_000, 5_000);

        assertThat(scenario.ruleIds(above)).containsExactly("EDU-02");
        assertThat(scenario.ruleIds(at)).isEmpty();
    }
}
