package org.bulwark.core.screening;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bulwark.core.registry.HouseholdCategory;

/**
 * Screens one chunk of households at a time: computes the plan's features for the chunk (records selected and
 * aggregated per household), evaluates every rule over the chunk, and turns hits into findings with their evidence.
 * One instance per worker thread: it owns the frames and buffers it writes into.
 */
final class ChunkScreener {

    /** Households per chunk: large enough for tight loops, small enough for the buffers to stay in cache. */
    static final int CHUNK = 1024;

    private static final HouseholdCategory[] CATEGORIES = HouseholdCategory.values();

    private final ScreeningPlan plan;
    private final ScreeningInput input;
    private final HouseholdFrame households;
    private final Map<String, RecordFrame> recordFrames = new HashMap<>();
    private final FilterSelection[] selections;
    private final int[][] chosen;
    private final RecordSelector selector = new RecordSelector();
    private final int[] chunk = new int[CHUNK];
    private final int[] starts = new int[CHUNK];
    private final int[] ends = new int[CHUNK];

    ChunkScreener(ScreeningPlan plan, ScreeningInput input) {
        this.plan = plan;
        this.input = input;
        RuleSet ruleSet = plan.ruleSet();
        this.households = new HouseholdFrame(plan.parameterValues(), ruleSet.nodeCount(), ruleSet.features().size(),
                CHUNK);
        this.selections = new FilterSelection[ruleSet.filters().size()];
        this.chosen = new int[ruleSet.features().size()][];
        for (ScreeningPlan.CategoryPlan category : plan.categories()) {
            CategoryIndex index = input.index(category.schema().name());
            recordFrames.put(category.schema().name(), new RecordFrame(plan.parameterValues(), ruleSet.nodeCount(),
                    category.schema(), index, input.persons(), plan.asOfDay()));
            for (ScreeningPlan.FilterPlan filter : category.filters()) {
                selections[filter.filter().slot()] = new FilterSelection(CHUNK);
                filter.features().forEach(feature -> chosen[feature.slot()] = new int[CHUNK]);
            }
        }
    }

    /** Screens the households at scope positions {@code from} (included) to {@code to} (excluded). */
    List<Finding> screen(int from, int to) {
        int m = to - from;
        for (int i = 0; i < m; i++) {
            chunk[i] = input.household(from + i);
        }
        for (ScreeningPlan.CategoryPlan category : plan.categories()) {
            computeCategory(category, m);
        }
        plan.facts().forEach(fact -> gatherFact(fact, m));
        return findings(m);
    }

    private void computeCategory(ScreeningPlan.CategoryPlan category, int m) {
        CategoryIndex index = input.index(category.schema().name());
        int position = index.lowerBound(chunk[0]);
        for (int i = 0; i < m; i++) {
            while (position < index.size() && index.key(position) < chunk[i]) {
                position++;
            }
            starts[i] = position;
            while (position < index.size() && index.key(position) == chunk[i]) {
                position++;
            }
            ends[i] = position;
        }
        RecordFrame frame = recordFrames.get(category.schema().name());
        for (ScreeningPlan.FilterPlan filter : category.filters()) {
            FilterSelection selection = selections[filter.filter().slot()];
            selector.select(filter, index, frame, starts, ends, m, selection);
            for (AggregateFeature feature : filter.features()) {
                FeatureAggregator.aggregate(feature, selection, index, frame, households, chosen[feature.slot()], m);
            }
        }
    }

    private void gatherFact(FactFeature feature, int m) {
        HouseholdTable table = input.households();
        int slot = feature.slot();
        switch (feature.fact()) {
            case NET_INCOME -> gather(table.netIncomeColumn(), households.numberBuffer(slot), m);
            case NET_INCOME_PREVIOUS -> gather(table.netIncomePreviousColumn(), households.numberBuffer(slot), m);
            case MEMBERS -> gather(table.membersColumn(), households.numberBuffer(slot), m);
            case ABLE_BODIED_MEMBERS -> gather(input.ableBodiedMembers(), households.numberBuffer(slot), m);
            case MAIN_LABOURERS -> gather(input.mainLabourers(), households.numberBuffer(slot), m);
            case MONITORED_OR_ASSISTED -> {
                boolean[] column = table.monitoredOrAssistedColumn();
                boolean[] out = households.flagBuffer(slot);
                for (int i = 0; i < m; i++) {
                    out[i] = column[chunk[i]];
                }
            }
            case CATEGORY -> {
                byte[] column = table.categoryOrdinals();
                int[] out = households.codeBuffer(slot);
                for (int i = 0; i < m; i++) {
                    out[i] = column[chunk[i]];
                }
            }
        }
    }

    private void gather(double[] column, double[] out, int m) {
        for (int i = 0; i < m; i++) {
            out[i] = column[chunk[i]];
        }
    }

    private void gather(int[] column, double[] out, int m) {
        for (int i = 0; i < m; i++) {
            out[i] = column[chunk[i]];
        }
    }

    private List<Finding> findings(int m) {
        List<CompiledRule> rules = plan.rules();
        boolean[][] masks = new boolean[rules.size()][];
        WarningLevel[][] levels = new WarningLevel[rules.size()][];
        boolean anyHit = false;
        for (int k = 0; k < rules.size(); k++) {
            masks[k] = rules.get(k).when().eval(households, m);
            for (int i = 0; i < m && levels[k] == null; i++) {
                if (masks[k][i]) {
                    levels[k] = rules.get(k).level().eval(households, m);
                    anyHit = true;
                }
            }
        }
        if (!anyHit) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < rules.size(); k++) {
                if (masks[k][i]) {
                    CompiledRule rule = rules.get(k);
                    findings.add(new Finding(chunk[i], rule, levels[k][i], evidence(rule, i)));
                }
            }
        }
        return findings;
    }

    private Evidence evidence(CompiledRule rule, int i) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, ContributingRecords> records = new LinkedHashMap<>();
        for (CompiledRule.NamedFeature named : rule.features()) {
            Feature feature = named.feature();
            values.put(named.name(), valueAt(feature, i));
            if (feature instanceof AggregateFeature aggregate) {
                records.put(named.name(), contributing(aggregate, i));
            }
        }
        return new Evidence(plan.parameterEvidence(rule), Collections.unmodifiableMap(values),
                Collections.unmodifiableMap(records));
    }

    private Object valueAt(Feature feature, int i) {
        return switch (feature.type()) {
            case NUMBER -> households.numbers(feature.slot(), i + 1)[i];
            case FLAG -> households.flags(feature.slot(), i + 1)[i];
            case TEXT -> CATEGORIES[households.textCodes(feature.slot(), i + 1)[i]].name();
        };
    }

    private ContributingRecords contributing(AggregateFeature feature, int i) {
        String category = feature.filter().category().name();
        CategoryIndex index = input.index(category);
        if (feature.aggregation() == Aggregation.MAX || feature.aggregation() == Aggregation.MIN
                || feature.aggregation() == Aggregation.LAST) {
            int position = chosen[feature.slot()][i];
            return new ContributingRecords(category, position < 0 ? new int[0] : new int[] {index.record(position)});
        }
        FilterSelection selection = selections[feature.filter().slot()];
        int from = selection.segmentStart[i];
        int[] records = new int[selection.segmentStart[i + 1] - from];
        for (int k = 0; k < records.length; k++) {
            records[k] = index.record(selection.positions[from + k]);
        }
        return new ContributingRecords(category, records);
    }
}
