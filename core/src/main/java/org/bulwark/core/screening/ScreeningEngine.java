package org.bulwark.core.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Runs a rule set over households, persons and department records in one pass: each distinct feature is computed
 * once, every rule is evaluated over chunks of households spread over the worker threads, and the hits come back in
 * a fixed order whatever the number of threads. A run over a subset of households gives exactly the hits a full run
 * gives for them. Records matched to no registered household but carrying an identity number are screened as
 * unregistered persons with the downward rules that need nothing but the person's own records.
 */
public final class ScreeningEngine {

    private final int threads;

    /** An engine using every available processor. */
    public ScreeningEngine() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /** An engine using {@code threads} worker threads (1 or more). */
    public ScreeningEngine(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        this.threads = threads;
    }

    /**
     * Screens every household, and every unregistered person found in the records.
     *
     * @param records record tables by category name; a category the rules read but the map lacks has no records
     */
    public ScreeningResult screen(
            RuleSet rules,
            Parameters parameters,
            LocalDate asOf,
            HouseholdTable households,
            PersonTable persons,
            Map<String, RecordTable> records) {
        return run(rules, parameters, asOf, households, persons, records, null, null);
    }

    /**
     * Screens only the given households (say, those a new batch of records touched); no unregistered persons.
     *
     * @param householdSubset household indices, in any order, duplicates allowed
     */
    public ScreeningResult screen(
            RuleSet rules,
            Parameters parameters,
            LocalDate asOf,
            HouseholdTable households,
            PersonTable persons,
            Map<String, RecordTable> records,
            int[] householdSubset) {
        Objects.requireNonNull(householdSubset, "householdSubset");
        return run(rules, parameters, asOf, households, persons, records, householdSubset, Set.of());
    }

    /** Screens only the given households and the given unregistered persons (by identity number). */
    public ScreeningResult screen(
            RuleSet rules,
            Parameters parameters,
            LocalDate asOf,
            HouseholdTable households,
            PersonTable persons,
            Map<String, RecordTable> records,
            int[] householdSubset,
            Collection<String> unregisteredIdNumbers) {
        Objects.requireNonNull(householdSubset, "householdSubset");
        Objects.requireNonNull(unregisteredIdNumbers, "unregisteredIdNumbers");
        return run(
                rules,
                parameters,
                asOf,
                households,
                persons,
                records,
                householdSubset,
                new HashSet<>(unregisteredIdNumbers));
    }

    private ScreeningResult run(
            RuleSet rules,
            Parameters parameters,
            LocalDate asOf,
            HouseholdTable households,
            PersonTable persons,
            Map<String, RecordTable> records,
            int[] subset,
            Set<String> unregisteredOnly) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(asOf, "asOf");
        if (asOf.isBefore(rules.effectiveFrom())) {
            throw new IllegalArgumentException("rules " + rules.version() + " take effect on " + rules.effectiveFrom()
                    + ", after the as-of date " + asOf);
        }
        ScreeningPlan registeredPlan = new ScreeningPlan(rules, rules.compiledRules(), parameters, asOf);
        checkColumns(registeredPlan, records);
        int[] scope = subset == null ? null : scope(subset, households.size());
        Map<CompiledRule, LocalDate> deadlines = new IdentityHashMap<>();
        rules.compiledRules()
                .forEach(rule -> deadlines.put(rule, asOf.plusDays(rule.rule().deadlineDays())));
        try (WorkerPool pool = new WorkerPool(threads)) {
            ScreeningInput registered = registeredInput(registeredPlan, households, persons, records, scope, pool);
            List<Hit> hits = screen(
                    registeredPlan,
                    registered,
                    pool,
                    (household, rule, level, evidence) -> hit(household, rule, level, evidence, households, deadlines));
            int unmatched = registeredPlan.categories().stream()
                    .mapToInt(category ->
                            registered.index(category.schema().name()).unmatched())
                    .sum();
            List<CompiledRule> forUnregistered = rules.compiledRules().stream()
                    .filter(CompiledRule::appliesToUnregistered)
                    .toList();
            ScreeningPlan unregisteredPlan = new ScreeningPlan(rules, forUnregistered, parameters, asOf);
            UnregisteredPersons unregistered = UnregisteredPersons.collect(
                    unregisteredOnly != null && unregisteredOnly.isEmpty()
                            ? List.of()
                            : tables(unregisteredPlan, records),
                    unregisteredOnly);
            List<UnregisteredHit> unregisteredHits =
                    screenUnregistered(unregisteredPlan, unregistered, records, deadlines, pool);
            return new ScreeningResult(
                    rules.version(),
                    parameters,
                    asOf,
                    hits,
                    unregisteredHits,
                    registered.scopeSize(),
                    unregistered.size(),
                    unmatched);
        }
    }

    private List<UnregisteredHit> screenUnregistered(
            ScreeningPlan plan,
            UnregisteredPersons unregistered,
            Map<String, RecordTable> records,
            Map<CompiledRule, LocalDate> deadlines,
            WorkerPool pool) {
        if (unregistered.size() == 0 || plan.rules().isEmpty()) {
            return List.of();
        }
        ScreeningInput input = unregisteredInput(plan, unregistered, records, pool);
        return screen(
                plan,
                input,
                pool,
                (person, rule, level, evidence) ->
                        unregisteredHit(person, rule, level, evidence, unregistered, deadlines));
    }

    /** Rejects a record table lacking a field the rules read: a misnamed column must not read as "no risk". */
    private static void checkColumns(ScreeningPlan plan, Map<String, RecordTable> records) {
        for (ScreeningPlan.CategoryPlan category : plan.categories()) {
            RecordTable table = records.get(category.schema().name());
            if (table == null) {
                continue;
            }
            category.schema().fields().forEach((field, type) -> {
                if (category.variables().contains(field) && !table.hasColumn(field, type)) {
                    throw new IllegalArgumentException(
                            "records of " + category.schema().name() + " have no " + type.code() + " field '" + field
                                    + "', which the rules read");
                }
            });
        }
    }

    private static int[] scope(int[] subset, int householdCount) {
        BitSet seen = new BitSet(householdCount);
        for (int household : subset) {
            Objects.checkIndex(household, householdCount);
            seen.set(household);
        }
        return seen.stream().toArray();
    }

    private static ScreeningInput registeredInput(
            ScreeningPlan plan,
            HouseholdTable households,
            PersonTable persons,
            Map<String, RecordTable> records,
            int[] scope,
            WorkerPool pool) {
        BitSet inScope = null;
        if (scope != null) {
            inScope = new BitSet(households.size());
            for (int household : scope) {
                inScope.set(household);
            }
        }
        boolean villageWide = plan.categories().stream()
                .anyMatch(category -> category.schema().key() == CategoryKey.VILLAGE);
        VillageHouseholds villages = villageWide ? households.villageHouseholds() : null;
        BitSet finalScope = inScope;
        Map<String, CategoryIndex> indexes = indexes(
                plan,
                records,
                pool,
                (schema, table) -> CategoryIndex.registered(
                        table, schema.key(), households, persons, scope, finalScope, villages));
        boolean countMembers = plan.uses(HouseholdFact.ABLE_BODIED_MEMBERS) || plan.uses(HouseholdFact.MAIN_LABOURERS);
        return new ScreeningInput(households, persons, indexes, scope, countMembers);
    }

    private static ScreeningInput unregisteredInput(
            ScreeningPlan plan, UnregisteredPersons unregistered, Map<String, RecordTable> records, WorkerPool pool) {
        Map<String, CategoryIndex> indexes = indexes(
                plan,
                records,
                pool,
                (schema, table) -> CategoryIndex.unregistered(table, unregistered.pseudoHouseholds()));
        return new ScreeningInput(unregistered.households(), unregistered.persons(), indexes, null, false);
    }

    private interface IndexBuilder {
        CategoryIndex build(CategorySchema schema, RecordTable table);
    }

    private static Map<String, CategoryIndex> indexes(
            ScreeningPlan plan, Map<String, RecordTable> records, WorkerPool pool, IndexBuilder builder) {
        List<Callable<CategoryIndex>> tasks = new ArrayList<>();
        for (ScreeningPlan.CategoryPlan category : plan.categories()) {
            RecordTable table = records.getOrDefault(category.schema().name(), RecordTable.empty());
            tasks.add(() -> builder.build(category.schema(), table));
        }
        List<CategoryIndex> built = pool.invokeAll(tasks);
        Map<String, CategoryIndex> indexes = new LinkedHashMap<>();
        for (int i = 0; i < built.size(); i++) {
            indexes.put(plan.categories().get(i).schema().name(), built.get(i));
        }
        return indexes;
    }

    private static List<RecordTable> tables(ScreeningPlan plan, Map<String, RecordTable> records) {
        return plan.categories().stream()
                .map(category -> records.get(category.schema().name()))
                .filter(Objects::nonNull)
                .toList();
    }

    /** Splits the scope into chunks that workers take in turn; results are put back in chunk order. */
    private <T> List<T> screen(
            ScreeningPlan plan, ScreeningInput input, WorkerPool pool, ChunkScreener.HitMaker<T> maker) {
        int size = input.scopeSize();
        int chunks = (size + ChunkScreener.CHUNK - 1) / ChunkScreener.CHUNK;
        List<List<T>> results = pool.forEachChunk(chunks, () -> {
            ChunkScreener<T> screener = new ChunkScreener<>(plan, input, maker);
            return chunk ->
                    screener.screen(chunk * ChunkScreener.CHUNK, Math.min(size, (chunk + 1) * ChunkScreener.CHUNK));
        });
        List<T> hits = new ArrayList<>(results.stream().mapToInt(List::size).sum());
        results.forEach(hits::addAll);
        return hits;
    }

    private static Hit hit(
            int household,
            CompiledRule compiled,
            WarningLevel level,
            Evidence evidence,
            HouseholdTable households,
            Map<CompiledRule, LocalDate> deadlines) {
        Rule rule = compiled.rule();
        return new Hit(
                household,
                households.id(household),
                rule.id(),
                rule.version(),
                rule.direction(),
                rule.riskType(),
                level,
                deadlines.get(compiled),
                evidence);
    }

    private static UnregisteredHit unregisteredHit(
            int person,
            CompiledRule compiled,
            WarningLevel level,
            Evidence evidence,
            UnregisteredPersons persons,
            Map<CompiledRule, LocalDate> deadlines) {
        Rule rule = compiled.rule();
        String idNumber = persons.idNumber(person);
        return new UnregisteredHit(
                idNumber,
                idNumber.substring(0, 6),
                rule.id(),
                rule.version(),
                rule.direction(),
                rule.riskType(),
                level,
                deadlines.get(compiled),
                evidence);
    }
}
