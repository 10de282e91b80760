package org.bulwark.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.bulwark.core.region.RegionLevel;
import org.bulwark.identity.RegionScope;
import org.bulwark.region.Region;
import org.junit.jupiter.api.Test;

/** Tables by region: zeros for regions without data, totals, and the suppression of small village figures. */
class TableBuilderTest {

    private static final Region TOWNSHIP =
            new Region("522324101000", "沙子镇", RegionLevel.TOWNSHIP, "522324000000", false);
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
            List<FigureValue> values = new ArrayList<>(byVillage);
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
        return new TableBuilder(VILLAGES, TOWNSHIP, false, true, (key, fallback) -> fallback).byRegion(provider, query);
    }

    private static List<String> shown(FigureTable table) {
        return table.rows().stream()
                .map(r -> r.cells().get(0))
                .map(c -> c.suppressed() ? "*" : c.value().toPlainString())
                .toList();
    }

    @Test
    void villagesWithoutDataShowZeroAndTheTotalIsTheRegionsOwnFigure() {
        FigureTable table =
                table(new Fixed(List.of(households("522324101201", 40), households("522324101203", 7)), 47));
        assertThat(shown(table)).containsExactly("40", "0", "7", "0");
        assertThat(table.total().cells().get(0).value()).isEqualByComparingTo("47");
        assertThat(table.rows().get(1).cells().get(0).linked())
                .as("nothing behind a zero")
                .isFalse();
        assertThat(table.rows().get(0).cells().get(0).linked()).isTrue();
    }

    @Test
    void oneOrTwoHouseholdsOfAVillageAreSuppressedThreeAreShown() {
        FigureTable table = table(new Fixed(
                List.of(
                        households("522324101201", 2),
                        households("522324101202", 3),
                        households("522324101203", 1),
                        households("522324101204", 40)),
                46));
        assertThat(shown(table)).containsExactly("*", "3", "*", "40");
        assertThat(table.rows().get(0).cells().get(0).linked()).isFalse();
        assertThat(table.total().cells().get(0).suppressed()).isFalse();
    }

    @Test
    void aLoneSuppressedVillageTakesTheNextSmallestWithItSoTheTotalGivesNothingAway() {
        FigureTable table = table(new Fixed(
                List.of(
                        households("522324101201", 1),
                        households("522324101202", 9),
                        households("522324101203", 5),
                        households("522324101204", 40)),
                55));
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

    /** Households of a village in two parts, and the share of the first part: total = a + b, rate from a and total. */
    private record Parts(Map<String, long[]> byVillage) implements FigureProvider {
        public String id() {
            return "parts";
        }

        public String titleKey() {
            return "parts";
        }

        public int order() {
            return 0;
        }

        public List<Measure> measures() {
            return List.of(
                    Measure.count("parts.total", "t"),
                    Measure.count("parts.a", "a"),
                    Measure.count("parts.b", "b"),
                    new Measure("parts.rate", "r", Measure.Format.PERCENT, false));
        }

        public List<MeasureSum> sums() {
            return List.of(MeasureSum.of("parts.total", "parts.a", "parts.b"));
        }

        public Map<String, List<String>> derivedFrom() {
            return Map.of("parts.rate", List.of("parts.a", "parts.total"));
        }

        public List<FigureValue> byRegion(FigureQuery query) {
            List<FigureValue> values = new ArrayList<>();
            long[] sum = new long[2];
            byVillage.forEach((village, ab) -> {
                add(values, village, ab);
                sum[0] += ab[0];
                sum[1] += ab[1];
            });
            add(values, query.regionPrefix(), sum);
            return values;
        }

        private static void add(List<FigureValue> values, String group, long[] ab) {
            values.add(FigureValue.of(group, "parts.total", ab[0] + ab[1], ab[0] + ab[1]));
            values.add(FigureValue.of(group, "parts.a", ab[0], ab[0]));
            values.add(FigureValue.of(group, "parts.b", ab[1], ab[1]));
            values.add(new FigureValue(
                    group,
                    "parts.rate",
                    ab[0] + ab[1] == 0 ? null : BigDecimal.valueOf(ab[0] * 100.0 / (ab[0] + ab[1])),
                    Math.min(ab[0], ab[1])));
        }

        public Optional<HouseholdCondition> householdsBehind(String measureId, String key, FigureQuery query) {
            return Optional.of(HouseholdCondition.all());
        }
    }

    /**
     * No hidden figure can be worked out from one equation: along every row, a sum has no single hidden member; down
     * every column of counts, no single hidden village unless the total is hidden too; a rate is hidden with its
     * counts.
     */
    private static void assertNothingDerivable(FigureTable table) {
        List<FigureTable.Row> all = new ArrayList<>(table.rows());
        all.add(table.total());
        for (FigureTable.Row row : all) {
            long hidden = row.cells().subList(0, 3).stream()
                    .filter(FigureTable.Cell::suppressed)
                    .count();
            assertThat(hidden).as("hidden of total, a, b in %s", row.label()).isNotEqualTo(1);
            if (row.cells().get(1).suppressed() || row.cells().get(0).suppressed()) {
                assertThat(row.cells().get(3).suppressed())
                        .as("rate of %s", row.label())
                        .isTrue();
            }
        }
        for (int c = 0; c < 3; c++) {
            final int column = c;
            long hidden = table.rows().stream()
                    .filter(r -> r.cells().get(column).suppressed())
                    .count();
            if (!table.total().cells().get(c).suppressed()) {
                assertThat(hidden).as("hidden villages in column %s", c).isNotEqualTo(1);
            }
        }
    }

    @Test
    void aHiddenPartOfASumTakesAnotherPartOfItsRowWithItAndTheRateWithThem() {
        var villages = new LinkedHashMap<String, long[]>();
        villages.put("522324101201", new long[] {1, 30});
        villages.put("522324101202", new long[] {12, 20});
        villages.put("522324101203", new long[] {15, 9});
        villages.put("522324101204", new long[] {40, 44});
        FigureTable table = table(new Parts(villages));
        FigureTable.Row first = table.rows().get(0);
        assertThat(first.cells().get(1).suppressed()).as("1 household").isTrue();
        assertThat(first.cells().get(0).suppressed() || first.cells().get(2).suppressed())
                .as("31 - 30 would give the hidden 1 away")
                .isTrue();
        assertThat(first.cells().get(3).suppressed()).as("the rate of 1 in 31").isTrue();
        assertNothingDerivable(table);
        assertThat(table.rows().get(3).cells().get(0).suppressed())
                .as("the large village keeps its total")
                .isFalse();
    }

    @Test
    void randomTablesNeverLeaveAHiddenFigureDerivableByOneEquation() {
        Random random = new Random(20261129);
        for (int round = 0; round < 500; round++) {
            var villages = new LinkedHashMap<String, long[]>();
            for (Region v : VILLAGES) {
                if (random.nextInt(5) > 0) {
                    villages.put(
                            v.code(), new long[] {random.nextInt(6), random.nextInt(random.nextBoolean() ? 5 : 60)});
                }
            }
            assertNothingDerivable(table(new Parts(villages)));
        }
    }

    @Test
    void aVillagesOwnViewHidesAlongItsRowAndAcrossItsBreakdown() {
        Region village = VILLAGES.get(0);
        FigureQuery query =
                new FigureQuery(new RegionScope("522324"), "522324101201", 12, 2025, LocalDate.of(2026, 1, 1));
        var builder = new TableBuilder(List.of(), village, true, false, (key, fallback) -> fallback);
        var one = new LinkedHashMap<String, long[]>();
        one.put("522324101201", new long[] {2, 25});
        Parts parts = new Parts(one);
        FigureTable byRegion = builder.byRegion(parts, query);
        assertThat(byRegion.total().cells().get(1).suppressed()).isTrue();
        assertThat(byRegion.total().cells().get(2).suppressed())
                .as("27 - 25 would give 2 away")
                .isTrue();
        // the same village's total counts by two kinds (a breakdown): 1 and 26 households of the 27
        Breakdown breakdown = new Breakdown(
                "parts.byKind",
                "k",
                List.of(new Breakdown.Row("x", "x"), new Breakdown.Row("y", "y")),
                false,
                List.of(Measure.count("parts.total", "t")),
                List.of(FigureValue.of("x", "parts.total", 1, 1), FigureValue.of("y", "parts.total", 26, 26)));
        var shown = builder.suppressTogether(parts, byRegion, builder.breakdown(parts, breakdown));
        assertThat(shown.breakdown().rows().get(0).cells().get(0).suppressed()).isTrue();
        assertThat(shown.breakdown().rows().get(1).cells().get(0).suppressed())
                .as("27 - 1 hidden: the other kind is hidden with it")
                .isTrue();
        assertThat(shown.byRegion().total().cells().get(0).suppressed()).isFalse();
    }
}
