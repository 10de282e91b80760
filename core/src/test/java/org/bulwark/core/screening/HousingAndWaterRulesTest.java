package org.bulwark.core.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bulwark.core.screening.ScreeningScenario.AS_OF;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** HOU-01 and WAT-01. */
class HousingAndWaterRulesTest {

    private static void appraisal(
            ScreeningScenario scenario, int household, LocalDate date, String grade, boolean renovated) {
        scenario.records("housing_safety")
                .add(household, -1, date)
                .text("grade", grade)
                .flag("renovated", renovated);
    }

    @Test
    void warnsOfHousingAppraisedCOrDAndNotRenovated() {
        ScreeningScenario scenario = new ScreeningScenario();
        int gradeC = scenario.comfortableHousehold();
        int gradeD = scenario.comfortableHousehold();
        int gradeB = scenario.comfortableHousehold();
        int renovated = scenario.comfortableHousehold();
        appraisal(scenario, gradeC, LocalDate.of(2023, 5, 1), "C", false);
        appraisal(scenario, gradeD, LocalDate.of(2023, 5, 1), "D", false);
        appraisal(scenario, gradeB, LocalDate.of(2023, 5, 1), "B", false);
        appraisal(scenario, renovated, LocalDate.of(2023, 5, 1), "D", true);

        assertThat(scenario.ruleIds(gradeC)).containsExactly("HOU-01");
        assertThat(scenario.ruleIds(gradeD)).containsExactly("HOU-01");
        assertThat(scenario.ruleIds(gradeB)).isEmpty();
        assertThat(scenario.ruleIds(renovated)).isEmpty();
    }

    @Test
    void latestAppraisalDecides() {
        ScreeningScenario scenario = new ScreeningScenario();
        int nowSafe = scenario.comfortableHousehold();
        int nowUnsafe = scenario.comfortableHousehold();
        appraisal(scenario, nowSafe, LocalDate.of(2022, 5, 1), "D", false);
        appraisal(scenario, nowSafe, LocalDate.of(2025, 5, 1), "A", false);
        appraisal(scenario, nowUnsafe, LocalDate.of(2022, 5, 1), "A", false);
        appraisal(scenario, nowUnsafe, LocalDate.of(2025, 5, 1), "C", false);

        assertThat(scenario.ruleIds(nowSafe)).isEmpty();
        assertThat(scenario.ruleIds(nowUnsafe)).containsExactly("HOU-01");
    }

    @Test
    void villageWithUnsafeWaterWarnsEveryHouseholdOfTheVillage() {
        ScreeningScenario scenario = new ScreeningScenario();
        int first = scenario.comfortableHousehold();
        int second = scenario.comfortableHousehold();
        scenario.records("drinking_water")
                .addForVillage(ScreeningScenario.VILLAGE, AS_OF.minusMonths(1))
                .text("status", "unsafe");

        assertThat(scenario.ruleIds(first)).containsExactly("WAT-01");
        assertThat(scenario.ruleIds(second)).containsExactly("WAT-01");
    }

    @Test
    void villageRecordOfAnUnknownVillageCountsAsUnmatched() {
        ScreeningScenario scenario = new ScreeningScenario();
        scenario.comfortableHousehold();
        scenario.records("drinking_water")
                .addForVillage(ScreeningScenario.VILLAGE, AS_OF.minusMonths(1))
                .text("status", "safe");
        scenario.records("drinking_water")
                .addForVillage("522324999999", AS_OF.minusMonths(1))
                .text("status", "unsafe");

        assertThat(scenario.screen().unmatchedRecords()).isEqualTo(1);
    }

    @Test
    void laterSafeWaterReportClearsAnUnsafeOne() {
        ScreeningScenario scenario = new ScreeningScenario();
        int household = scenario.comfortableHousehold();
        scenario.records("drinking_water")
                .addForVillage(ScreeningScenario.VILLAGE, AS_OF.minusMonths(3))
                .text("status", "unsafe");
        scenario.records("drinking_water")
                .add(household, -1, AS_OF.minusMonths(1))
                .text("status", "safe");

        assertThat(scenario.ruleIds(household)).isEmpty();
    }

    @Test
    void warnsOfWaterInterruptedMoreThanThirtyDaysWithinTwelveMonths() {
        ScreeningScenario scenario = new ScreeningScenario();
        int thirtyOne = scenario.comfortableHousehold();
        int thirty = scenario.comfortableHousehold();
        int longAgo = scenario.comfortableHousehold();
        scenario.records("drinking_water")
                .add(thirtyOne, -1, AS_OF.minusMonths(5))
                .text("status", "interrupted")
                .number("days_interrupted", 20);
        scenario.records("drinking_water")
                .add(thirtyOne, -1, AS_OF.minusMonths(2))
                .text("status", "interrupted")
                .number("days_interrupted", 11);
        scenario.records("drinking_water")
                .add(thirty, -1, AS_OF.minusMonths(2))
                .text("status", "interrupted")
                .number("days_interrupted", 30);
        scenario.records("drinking_water")
                .add(longAgo, -1, AS_OF.minusMonths(13))
                .text("status", "interrupted")
                .number("days_interrupted", 90);

        assertThat(scenario.ruleIds(thirtyOne)).containsExactly("WAT-01");
        assertThat(scenario.ruleIds(thirty)).isEmpty();
        assertThat(scenario.ruleIds(longAgo)).isEmpty();
    }
}
