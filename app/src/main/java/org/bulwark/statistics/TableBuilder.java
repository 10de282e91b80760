package org.bulwark.statistics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import org.bulwark.core.region.RegionCode;
import org.bulwark.region.Region;

/**
 * Lays providers' figures out as tables: one row per region one level down (with zeros where a region has no data,
 * and a row for figures placed at no region below), the totals, and the suppression of small village figures.
 */
final class TableBuilder {

    /** Figures resting on this many households or fewer (but more than none) are not shown for a village. */
    static final int SUPPRESS_AT_MOST = 2;

    private final List<Region> children;
    private final Region region;
    private final boolean regionIsVillage;
    private final boolean childrenAreVillages;
    private final BinaryOperator<String> label;
    private final Locale locale;

    TableBuilder(
            List<Region> children,
            Region region,
            boolean regionIsVillage,
            boolean childrenAreVillages,
            BinaryOperator<String> label) {
        this(children, region, regionIsVillage, childrenAreVillages, label, Locale.CHINESE);
    }

    TableBuilder(
            List<Region> children,
            Region region,
            boolean regionIsVillage,
            boolean childrenAreVillages,
            BinaryOperator<String> label,
            Locale locale) {
        this.children = children;
        this.region = region;
        this.regionIsVillage = regionIsVillage;
        this.childrenAreVillages = childrenAreVillages;
        this.label = label;
        this.locale = locale;
    }

    FigureTable byRegion(FigureProvider provider, FigureQuery query) {
        return byRegion(provider, query, provider.byRegion(query));
    }

    /** The table of figures the provider computed for the query. */
    FigureTable byRegion(FigureProvider provider, FigureQuery query, List<FigureValue> values) {
        List<Measure> measures = provider.measures();
        Map<String, Map<String, FigureValue>> byGroup = index(values);
        // the region's own figures are not a region one level down (a village is its own and only group)
        Map<String, FigureValue> totalValues = byGroup.getOrDefault(query.regionPrefix(), Map.of());
        if (query.groupDigits() > query.regionPrefix().length()) {
            byGroup.remove(query.regionPrefix());
        }
        List<FigureTable.Row> rows = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        for (Region child : children) {
            String group = RegionCode.parse(child.code()).prefix();
            placed.add(group);
            rows.add(row(
                    child.name(),
                    child.code(),
                    child.code(),
                    null,
                    measures,
                    byGroup.getOrDefault(group, Map.of()),
                    childrenAreVillages));
        }
        Map<String, FigureValue> elsewhere = elsewhere(byGroup, placed, measures);
        if (!children.isEmpty() && !elsewhere.isEmpty()) {
            rows.add(
                    row(label.apply("dashboard.elsewhere", "elsewhere"), null, null, null, measures, elsewhere, false));
        }
        FigureTable.Row total = row(
                label.apply("dashboard.total", "total"),
                null,
                region.code(),
                null,
                measures,
                totalValues,
                regionIsVillage);
        if (childrenAreVillages || regionIsVillage) {
            total = SecondarySuppression.apply(rows, total, provider.sums(), provider.derivedFrom());
        }
        return new FigureTable(
                provider.id(),
                provider.titleKey(),
                true,
                measures,
                rows,
                total,
                provider.chartedMeasures(),
                provider.stackedChart());
    }

    /** A key named by configuration, in the reader's language: cached breakdowns are the same for all readers. */
    private String rowLabel(FigureProvider provider, Breakdown.Row key) {
        return provider.breakdownLabel(key.key(), locale)
                .map(l -> l.messageKey() ? label.apply(l.text(), key.key()) : l.text())
                .orElse(key.label());
    }

    FigureTable breakdown(FigureProvider provider, Breakdown breakdown) {
        Map<String, Map<String, FigureValue>> byKey = index(breakdown.values());
        List<FigureTable.Row> rows = new ArrayList<>();
        for (Breakdown.Row key : breakdown.keys()) {
            String text = breakdown.labelIsKey() ? label.apply(key.label(), key.key()) : rowLabel(provider, key);
            rows.add(row(
                    text,
                    null,
                    region.code(),
                    key.key(),
                    breakdown.measures(),
                    byKey.getOrDefault(key.key(), Map.of()),
                    regionIsVillage));
        }
        List<String> charted = provider.chartedMeasures().stream()
                .filter(id -> breakdown.measures().stream().anyMatch(m -> m.id().equals(id)))
                .toList();
        return new FigureTable(
                breakdown.id(),
                breakdown.titleKey(),
                false,
                breakdown.measures(),
                rows,
                null,
                charted,
                provider.stackedChart());
    }

    /**
     * In a village's own view the breakdown's rows (warnings by risk type) add up to the village's total, so a hidden
     * one would be the total minus the others: hides as {@link SecondarySuppression} does, with the village's total
     * standing for the breakdown's. Returns both tables, suppressed where needed.
     */
    VillageTables suppressTogether(FigureProvider provider, FigureTable byRegion, FigureTable breakdown) {
        if (!regionIsVillage || breakdown == null) {
            return new VillageTables(byRegion, breakdown);
        }
        FigureTable.Row total = byRegion.total();
        List<FigureTable.Cell> projected = new ArrayList<>();
        for (Measure m : breakdown.measures()) {
            projected.add(total.cells().stream()
                    .filter(c -> c.measure().id().equals(m.id()))
                    .findFirst()
                    // a measure of the breakdown alone has no total to be derived from
                    .orElse(new FigureTable.Cell(m, null, 0, true, false)));
        }
        List<FigureTable.Row> rows = new ArrayList<>(breakdown.rows());
        FigureTable.Row projectedTotal = SecondarySuppression.apply(
                rows,
                new FigureTable.Row(total.label(), null, total.linkRegion(), null, projected),
                provider.sums(),
                provider.derivedFrom());
        List<FigureTable.Cell> totalCells = new ArrayList<>(total.cells());
        for (FigureTable.Cell hidden : projectedTotal.cells()) {
            for (int i = 0; i < totalCells.size(); i++) {
                if (hidden.suppressed()
                        && totalCells
                                .get(i)
                                .measure()
                                .id()
                                .equals(hidden.measure().id())) {
                    totalCells.set(i, hidden);
                }
            }
        }
        FigureTable.Row newTotal = SecondarySuppression.apply(
                new ArrayList<>(),
                new FigureTable.Row(total.label(), total.regionCode(), total.linkRegion(), total.key(), totalCells),
                provider.sums(),
                provider.derivedFrom());
        return new VillageTables(
                new FigureTable(
                        byRegion.id(),
                        byRegion.titleKey(),
                        true,
                        byRegion.measures(),
                        byRegion.rows(),
                        newTotal,
                        byRegion.chartedMeasures(),
                        byRegion.stacked()),
                new FigureTable(
                        breakdown.id(),
                        breakdown.titleKey(),
                        false,
                        breakdown.measures(),
                        rows,
                        null,
                        breakdown.chartedMeasures(),
                        breakdown.stacked()));
    }

    /** A provider's two tables after suppression. */
    record VillageTables(FigureTable byRegion, FigureTable breakdown) {}

    private static FigureTable.Row row(
            String label,
            String drill,
            String linkRegion,
            String key,
            List<Measure> measures,
            Map<String, FigureValue> values,
            boolean village) {
        List<FigureTable.Cell> cells = new ArrayList<>();
        for (Measure m : measures) {
            FigureValue v = values.get(m.id());
            BigDecimal value = v == null ? (m.format() == Measure.Format.COUNT ? BigDecimal.ZERO : null) : v.value();
            long households = v == null ? 0 : v.households();
            boolean suppressed = village && households > 0 && households <= SUPPRESS_AT_MOST;
            cells.add(new FigureTable.Cell(
                    m,
                    suppressed ? null : value,
                    suppressed ? 0 : households,
                    suppressed,
                    m.linked() && !suppressed && linkRegion != null && value != null && value.signum() != 0));
        }
        return new FigureTable.Row(label, drill, linkRegion, key, cells);
    }

    /** Figures of groups that are no region one level down (records placed only at this region's level). */
    private static Map<String, FigureValue> elsewhere(
            Map<String, Map<String, FigureValue>> byGroup, Set<String> placed, List<Measure> measures) {
        Map<String, FigureValue> sum = new HashMap<>();
        byGroup.forEach((group, values) -> {
            if (placed.contains(group)) {
                return;
            }
            values.forEach((measure, v) -> {
                boolean additive =
                        measures.stream().anyMatch(m -> m.id().equals(measure) && m.format() == Measure.Format.COUNT);
                if (additive && v.value() != null) {
                    sum.merge(
                            measure,
                            v,
                            (a, b) -> new FigureValue(
                                    "", measure, a.value().add(b.value()), a.households() + b.households()));
                }
            });
        });
        return sum;
    }

    private static Map<String, Map<String, FigureValue>> index(List<FigureValue> values) {
        Map<String, Map<String, FigureValue>> index = new HashMap<>();
        for (FigureValue v : values) {
            index.computeIfAbsent(v.group(), g -> new HashMap<>()).put(v.measureId(), v);
        }
        return index;
    }
}
