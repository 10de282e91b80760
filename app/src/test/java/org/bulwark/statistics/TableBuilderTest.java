package org.bulwark.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.bulwark.core.region.RegionLevel;
import org.bulwark.identity.RegionScope;
import org.bulwark.region.Region;
import org.junit.jupiter.api.Test;

/** Tables by region: zeros for regions without data, totals, and the suppression of small village figures. */
class TableBuilderTest {

    private static final Region TOWNSHIP = new Region("522324101000", "沙子镇", RegionLevel.TOWNSHIP, "522324000000",
            false);
    private static final List<Region> VILLAGES = List.of(
            village("522324101201", "甲村村民委员会"), village("522324101202", "乙村村民委员会"),
            village("522324101203", "丙村村民委员会"), village("522324101204", "丁村村民委员会"));

    private static Region village(String code, String name) {
        return new Region(code, name, RegionLevel.VILLAGE, "522324101000", false);
    }

    /** A provider with one count per village, and the total. */
    private record Fixed(List<FigureValue> byVillage, long total) implements FigureProvider {
        public String id() {
            return "fixed";
        }

        public String titleKey() {
            return "fixed";
        }

        public int order() {
            return 0;
        }

        public List<Measure> measures() {
            return List.of(Measure.count("fixed.households", "fixed.households"));
        }

        public List<FigureValue> byRegion(FigureQuery query) {
            List<FigureValue> values = new java.util.ArrayList<>(byVillage);
            values.add(FigureValue.of(query.regionPrefix(), "fixed.households", total, total));
            return values;
        }

        public Optional<HouseholdCondition> householdsBehind(String measureId, String key, FigureQuery query) {
            return Optional.of(HouseholdCondition.all());
        }
    }

    private static FigureValue households(String village, long n) {
        return FigureValue.of(village.substring(0, 12), "fixed.households", n, n);
    }

    private static FigureTable table(FigureProvider provider) {
        FigureQuery query = new FigureQuery(new RegionScope("522324"), "522324101", 12, 2025, LocalDate.of(2026, 1, 1));
        return new TableBuilder(VILLAGES, TOWNSHIP, false, true, (key, fallback) -> fallback)
                .byRegion(provider, query);
    }

    private static List<String> shown(FigureTable table) {
        return table.rows().stream().map(r -> r.cells().get(0)).map(c -> c.suppressed() ? "*"
                : c.value().toPlainString()).toList();
    }

    @Test
    void villagesWithoutDataShowZeroAndTheTotalIsTheRegionsOwnFigure() {
        FigureTable table = table(new Fixed(List.of(households("522324101201", 40), households("522324101203", 7)),
                47));
        assertThat(shown(table)).containsExactly("40", "0", "7", "0");
        assertThat(table.total().cells().get(0).value()).isEqualByComparingTo("47");
        assertThat(table.rows().get(1).cells().get(0).linked()).as("nothing behind a zero").isFalse();
        assertThat(table.rows().get(0).cells().get(0).linked()).isTrue();
    }

    @Test
    void oneOrTwoHouseholdsOfAVillageAreSuppressedThreeAreShown() {
        FigureTable table = table(new Fixed(List.of(households("522324101201", 2), households("522324101202", 3),
                households("522324101203", 1), households("522324101204", 40)), 46));
        assertThat(shown(table)).containsExactly("*", "3", "*", "40");
        assertThat(table.rows().get(0).cells().get(0).linked()).isFalse();
        assertThat(table.total().cells().get(0).suppressed()).isFalse();
    }

    @Test
    void aLoneSuppressedVillageTakesTheNextSmallestWithItSoTheTotalGivesNothingAway() {
        FigureTable table = table(new Fixed(List.of(households("522324101201", 1), households("522324101202", 9),
                households("522324101203", 5), households("522324101204", 40)), 55));
        assertThat(shown(table)).containsExactly("*", "9", "*", "40");
        assertThat(table.total().cells().get(0).value()).isEqualByComparingTo("55");
    }

    @Test
    void aLoneSuppressedVillageWithNoOtherFigureHidesTheTotal() {
        FigureTable table = table(new Fixed(List.of(households("522324101202", 2)), 2));
        assertThat(shown(table)).containsExactly("0", "*", "0", "0");
        assertThat(table.total().cells().get(0).suppressed()).isTrue();
    }

    @Test
    void figuresAboveVillagesAreNeverSuppressed() {
        FigureQuery query = new FigureQuery(new RegionScope("52"), "522324", 9, 2025, LocalDate.of(2026, 1, 1));
        Region county = new Region("522324000000", "晴隆县", RegionLevel.COUNTY, "522300000000", false);
        FigureTable table = new TableBuilder(List.of(TOWNSHIP), county, false, false, (key, fallback) -> fallback)
                .byRegion(new Fixed(List.of(FigureValue.of("522324101", "fixed.households", 1, 1)), 1), query);
        assertThat(table.rows().get(0).cells().get(0).suppressed()).isFalse();
        assertThat(table.total().cells().get(0).suppressed()).isFalse();
    }
}
