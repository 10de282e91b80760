package org.bulwark.industry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.RegionScope;
import org.bulwark.identity.Role;
import org.bulwark.registry.HouseholdFile;
import org.bulwark.registry.HouseholdInput;
import org.bulwark.registry.Registry;
import org.bulwark.statistics.Breakdown;
import org.bulwark.statistics.FigureQuery;
import org.bulwark.statistics.FigureValue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard's industry figures on a small case computed by hand, in a year of the test's own: village B has a
 * formerly-poor household paid 3,000 in wages and 500 in dividends by two projects, a monitored one paid 200 in land
 * rent and an ordinary one paid 1,000 in land rent; its collective earned 50,000 from operations and 12,000 in rent.
 */
@DatabaseTest
class IndustryFiguresTest {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Projects projects;

    @Autowired
    BenefitLinks links;

    @Autowired
    CollectiveIncomes collective;

    @Autowired
    Registry registry;

    @Autowired
    IndustryFigures figures;

    @Test
    void countsLinkedHouseholdsOnceWithTheirCategoriesAmountsAndTheCollectivesIncome() {
        int year = ThreadLocalRandom.current().nextInt(2040, 2100);
        BulwarkUser county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        String village = TestFixtures.VILLAGE_B;
        long greenhouses = project(county, village, "龙头企业");
        long cooperative = project(county, village, "合作社");
        HouseholdFile poor = household(county, village, "FORMERLY_POOR");
        HouseholdFile monitored = household(county, village, "MONITORED");
        HouseholdFile ordinary = household(county, village, "ORDINARY");
        link(county, greenhouses, poor, "WAGES", "3000", year);
        link(county, cooperative, poor, "DIVIDEND", "500", year);
        link(county, cooperative, monitored, "LAND_RENT", "200", year);
        link(county, greenhouses, ordinary, "LAND_RENT", "1000", year);
        link(county, greenhouses, ordinary, "WAGES", "9999", year - 1); // another year: not counted
        fixtures.as(
                county,
                () -> collective.record(new CollectiveIncomeInput(village, year, "经营收入", new BigDecimal("50000"))));
        fixtures.as(
                county,
                () -> collective.record(
                        new CollectiveIncomeInput(village, year, "ASSET_RENT", new BigDecimal("12000"))));

        FigureQuery query =
                new FigureQuery(RegionScope.of(TestFixtures.COUNTY), "522324101", 12, year, LocalDate.of(year, 12, 31));
        Map<String, BigDecimal> ofVillage = figures.byRegion(query).stream()
                .filter(v -> v.group().equals(village))
                .collect(Collectors.toMap(FigureValue::measureId, FigureValue::value));
        assertThat(ofVillage.get(IndustryFigures.LINKED)).isEqualByComparingTo("3");
        assertThat(ofVillage.get(IndustryFigures.LINKED_FORMERLY_POOR)).isEqualByComparingTo("1");
        assertThat(ofVillage.get(IndustryFigures.LINKED_MONITORED)).isEqualByComparingTo("1");
        assertThat(ofVillage.get(IndustryFigures.BENEFIT)).isEqualByComparingTo("4700");
        assertThat(ofVillage.get(IndustryFigures.COLLECTIVE)).isEqualByComparingTo("62000");
        // each count of households is suppressed by its own households: one monitored household is one, not three
        Map<String, Long> householdsOfVillage = figures.byRegion(query).stream()
                .filter(v -> v.group().equals(village))
                .collect(Collectors.toMap(FigureValue::measureId, FigureValue::households));
        assertThat(householdsOfVillage.get(IndustryFigures.LINKED_FORMERLY_POOR))
                .isEqualTo(1);
        assertThat(householdsOfVillage.get(IndustryFigures.LINKED_MONITORED)).isEqualTo(1);

        Breakdown byKind = figures.breakdown(query).orElseThrow();
        Map<String, BigDecimal> benefitByKind = byKind.values().stream()
                .filter(v -> v.measureId().equals(IndustryFigures.BENEFIT))
                .collect(Collectors.toMap(FigureValue::group, FigureValue::value));
        assertThat(benefitByKind).containsOnlyKeys("WAGES", "DIVIDEND", "LAND_RENT");
        assertThat(benefitByKind.get("WAGES")).isEqualByComparingTo("3000");
        assertThat(benefitByKind.get("LAND_RENT")).isEqualByComparingTo("1200");
        assertThat(byKind.values().stream()
                        .filter(v -> v.measureId().equals(IndustryFigures.LINKED)
                                && v.group().equals("LAND_RENT"))
                        .map(FigureValue::value)
                        .toList())
                .containsExactly(BigDecimal.valueOf(2));
    }

    long project(BulwarkUser county, String village, String kind) {
        return fixtures.as(
                        county,
                        () -> projects.create(new ProjectInput(
                                kind,
                                "测试项目" + ThreadLocalRandom.current().nextInt(1_000_000),
                                village,
                                "种植",
                                "衔接资金",
                                null,
                                null,
                                null,
                                null,
                                null,
                                0)))
                .id();
    }

    HouseholdFile household(BulwarkUser county, String village, String category) {
        return fixtures.as(
                county,
                () -> registry.register(
                        new HouseholdInput(village, category, "第1组", null),
                        List.of(TestFixtures.person("产业户主", TestFixtures.newIdNumber(), "HEAD"))));
    }

    void link(BulwarkUser county, long project, HouseholdFile household, String kind, String amount, int year) {
        fixtures.as(
                county,
                () -> links.record(new BenefitLinkInput(
                        project, household.household().id(), null, kind, year, new BigDecimal(amount))));
    }
}
