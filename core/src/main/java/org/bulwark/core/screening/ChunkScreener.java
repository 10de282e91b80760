package org.bulwark.core.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Screens one chunk of households at a time: computes the plan's features for the chunk (records selected and
 * aggregated per household), evaluates every rule over the chunk, and makes a hit with its evidence wherever a rule
 * holds. One instance per worker thread: it owns the frames and buffers it writes into.
 *
 * @param <T> what a hit becomes ({@link Hit} for registered households, {@link UnregisteredHit} for persons)
 */
final class ChunkScreener<T> {

    /** Makes the caller's hit object, so that no intermediate object per hit is needed. */
    interface HitMaker<T> {
        T make(int household, CompiledRule rule, WarningLevel level, Evidence evidence);
    }

    /** Households per chunk: large enough for tight loops, small enough for the buffers to stay in cache. */
    static final int CHUNK = 1024;

    /** Marks a rule whose level is fixed, so no per-household levels are computed for it. */
    private static final WarningLevel[] FIXED = new WarningLevel[0];

    private final ScreeningPlan plan;
    private final ScreeningInput input;
    private final HitMaker<T> maker;
    private final HouseholdFrame households;
    private final RecordSelector selector = new RecordSelector();
    private final int[] chunk = new int[CHUNK];
    private int chunkStart;

    // per category of the plan
    private final List<ScreeningPlan.CategoryPlan> categories;
    private final CategoryIndex[] indexes;
    private final RecordFrame[] recordFrames;

    // per record filter and per feature of the rule set, by slot
    private final FilterSelection[] selections;
    private final CategoryIndex[] filterIndexes;
    private final int[][] chosen;

    // per rule of the plan, shared by the evidence of all its hits
    private final Map<String, Double>[] parameterEvidence;
    private final String[][] featureNames;
    private final FieldType[][] featureTypes;
    private final String[][] aggregateNames;
    private final String[][] aggregateCategories;

    @SuppressWarnings("unchecked")
    ChunkScreener(ScreeningPlan plan, ScreeningInput input, HitMaker<T> maker) {
        this.plan = plan;
        this.input = input;
        this.maker = maker;
        RuleSet ruleSet = plan.ruleSet();
        this.households = new HouseholdFrame(
                plan.parameterValues(), ruleSet.nodeCount(), ruleSet.features().size(), CHUNK);
        this.categories = plan.categories();
        this.indexes = new CategoryIndex[categories.size()];
        this.recordFrames = new RecordFrame[categories.size()];
        this.selections = new FilterSelection[ruleSet.filters().size()];
        this.filterIndexes = new CategoryIndex[ruleSet.filters().size()];
        this.chosen = new int[ruleSet.features().size()][];
        this.parameterEvidence = new Map[plan.rules().size()];
        this.featureNames = new String[plan.rules().size()][];
        this.featureTypes = new FieldType[plan.rules().size()][];
        this.aggregateNames = new String[plan.rules().size()][];
        this.aggregateCategories = new String[plan.rules().size()][];
        bindCategories(ruleSet);
        nameEvidence();
    }

    private void bindCategories(RuleSet ruleSet) {
        for (int c = 0; c < categories.size(); c++) {
            ScreeningPlan.CategoryPlan category = categories.get(c);
            indexes[c] = input.index(category.schema().name());
            recordFrames[c] = new RecordFrame(
                    plan.parameterValues(),
                    ruleSet.nodeCount(),
                    category.schema(),
                    indexes[c],
                    input.persons(),
                    plan.asOfDay());
            for (ScreeningPlan.FilterPlan filter : category.filters()) {
                selections[filter.filter().slot()] = new FilterSelection();
                filterIndexes[filter.filter().slot()] = indexes[c];
                filter.features().forEach(feature -> chosen[feature.slot()] = new int[CHUNK]);
            }
        }
    }

    private void nameEvidence() {
        for (int k = 0; k < plan.rules().size(); k++) {
            parameterEvidence[k] = plan.parameterEvidence(plan.rules().get(k));
            List<CompiledRule.NamedFeature> features = plan.rules().get(k).features();
            featureNames[k] =
                    features.stream().map(CompiledRule.NamedFeature::name).toArray(String[]::new);
            featureTypes[k] =
                    features.stream().map(named -> named.feature().type()).toArray(FieldType[]::new);
            aggregateNames[k] = features.stream()
                    .filter(named -> named.feature() instanceof AggregateFeature)
                    .map(CompiledRule.NamedFeature::name)
                    .toArray(String[]::new);
            aggregateCategories[k] = features.stream()
                    .map(CompiledRule.NamedFeature::feature)
                    .filter(AggregateFeature.class::isInstance)
                    .map(feature ->
                            ((AggregateFeature) feature).filter().category().name())
                    .toArray(String[]::new);
        }
    }

    /** Screens the households at scope positions {@code from} (included) to {@code to} (excluded). */
    List<T> screen(int from, int to) {
        int m = to - from;
        chunkStart = from;
        for (int i = 0; i < m; i++) {
            chunk[i] = input.household(from + i);
        }
        for (int c = 0; c < categories.size(); c++) {
            computeCategory(categories.get(c), indexes[c], recordFrames[c], m);
        }
        plan.facts().forEach(fact -> gatherFact(fact, m));
        return hits(m);
    }

    private void computeCategory(ScreeningPlan.CategoryPlan category, CategoryIndex index, RecordFrame frame, int m) {
        int from = index.lowerBound(chunkStart);
        int to = index.lowerBound(chunkStart + m);
        for (ScreeningPlan.FilterPlan filter : category.filters()) {
            FilterSelection selection = selections[filter.filter().slot()];
            selector.select(filter, index, frame, from, to, selection);
            for (AggregateFeature feature : filter.features()) {
                FeatureAggregator.aggregate(
                        feature, selection, index, frame, households, chosen[feature.slot()], chunkStart, m);
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

    private List<T> hits(int m) {
        List<CompiledRule> rules = plan.rules();
        boolean[][] masks = new boolean[rules.size()][];
        WarningLevel[][] levels = new WarningLevel[rules.size()][];
        boolean anyHit = false;
        for (int k = 0; k < rules.size(); k++) {
            masks[k] = rules.get(k).when().eval(households, m);
            LevelNode level = rules.get(k).level();
            for (int i = 0; i < m && levels[k] == null; i++) {
                if (masks[k][i]) {
                    levels[k] = level.fixed() == null ? level.eval(households, m) : FIXED;
                    anyHit = true;
                }
            }
        }
        if (!anyHit) {
            return List.of();
        }
        List<T> hits = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < rules.size(); k++) {
                if (masks[k][i]) {
                    CompiledRule rule = rules.get(k);
                    WarningLevel level = levels[k] == FIXED ? rule.level().fixed() : levels[k][i];
                    hits.add(maker.make(chunk[i], rule, level, evidence(k, rule, i)));
                }
            }
        }
        return hits;
    }

    private Evidence evidence(int k, CompiledRule rule, int i) {
        List<CompiledRule.NamedFeature> features = rule.features();
        double[] values = new double[features.size()];
        int[][] records = new int[aggregateNames[k].length][];
        int aggregates = 0;
        for (int f = 0; f < values.length; f++) {
            Feature feature = features.get(f).feature();
            values[f] = valueAt(feature, i);
            if (feature instanceof AggregateFeature aggregate) {
                records[aggregates++] = contributing(aggregate, i);
            }
        }
        return new Evidence(
                parameterEvidence[k],
                new FeatureValues(featureNames[k], featureTypes[k], values),
                new RecordReferences(aggregateNames[k], aggregateCategories[k], records));
    }

    /** A feature's value for the household at {@code i}: flags as 0/1, the category as its ordinal. */
    private double valueAt(Feature feature, int i) {
        return switch (feature.type()) {
            case NUMBER -> households.numbers(feature.slot(), i + 1)[i];
            case FLAG -> households.flags(feature.slot(), i + 1)[i] ? 1 : 0;
            case TEXT -> households.textCodes(feature.slot(), i + 1)[i];
        };
    }

    private int[] contributing(AggregateFeature feature, int i) {
        CategoryIndex index = filterIndexes[feature.filter().slot()];
        if (feature.aggregation() == Aggregation.MAX
                || feature.aggregation() == Aggregation.MIN
                || feature.aggregation() == Aggregation.LAST) {
            int position = chosen[feature.slot()][i];
            return position < 0 ? new int[0] : new int[] {index.record(position)};
        }
        FilterSelection selection = selections[feature.filter().slot()];
        int[] range = selection.rangeOf(index, chunkStart, i);
        int[] records = new int[range[1] - range[0]];
        for (int k = 0; k < records.length; k++) {
            records[k] = index.record(selection.positions[range[0] + k]);
        }
        return records;
    }
}
