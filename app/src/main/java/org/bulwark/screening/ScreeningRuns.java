package org.bulwark.screening;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.screening.Hit;
import org.bulwark.core.screening.Parameters;
import org.bulwark.core.screening.RuleSet;
import org.bulwark.core.screening.ScreeningEngine;
import org.bulwark.core.screening.ScreeningResult;
import org.bulwark.core.screening.UnregisteredHit;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.screening.store.ScreeningStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Runs the screening engine over a region — fully, incrementally for the households a batch touched, or in shadow
 * mode with draft rules — and stores the run and the warnings it raises.
 */
@Service
public class ScreeningRuns {

    private final RuleBook ruleBook;
    private final ScreeningData data;
    private final WarningStore warnings;
    private final CurrentUser currentUser;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectMapper json;
    private final ScreeningEngine engine = new ScreeningEngine();
    private final ScreeningStore store;

    ScreeningRuns(
            RuleBook ruleBook,
            ScreeningData data,
            WarningStore warnings,
            CurrentUser currentUser,
            JdbcClient jdbc,
            Clock clock,
            ObjectMapper json,
            ObjectProvider<ScreeningStore> store) {
        this.store = store.getIfAvailable();
        this.json = json;
        this.ruleBook = ruleBook;
        this.data = data;
        this.warnings = warnings;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Screens every household of the region (inside the user's own) as of the date; raises warnings. */
    @Transactional
    public RunReport full(String regionCode, LocalDate asOf) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.RUN_SCREENING);
        String prefix = regionPrefix(regionCode, user);
        return run(
                RunMode.FULL,
                ruleBook.active(),
                prefix,
                asOf == null ? LocalDate.now(clock) : asOf,
                null,
                null,
                user.getUsername());
    }

    /** Shows what a draft rule set would flag, per rule and township, without raising any warning. */
    @Transactional
    public RunReport shadow(String regionCode, LocalDate asOf, RuleSet draft) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.RUN_SCREENING);
        String prefix = regionPrefix(regionCode, user);
        return run(
                RunMode.SHADOW,
                draft,
                prefix,
                asOf == null ? LocalDate.now(clock) : asOf,
                null,
                null,
                user.getUsername());
    }

    /** A full run started by the platform itself (after a very large batch), in its own transaction. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public RunReport fullAsSystem(String regionPrefix, String startedBy) {
        return run(RunMode.FULL, ruleBook.active(), regionPrefix, LocalDate.now(clock), null, null, startedBy);
    }

    /** Re-screens only these households and unregistered persons (a new batch touched them); a system task. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public RunReport incremental(
            List<Long> householdIds, List<String> idNumbers, String regionPrefix, String startedBy) {
        return run(
                RunMode.INCREMENTAL,
                ruleBook.active(),
                regionPrefix,
                LocalDate.now(clock),
                householdIds,
                idNumbers,
                startedBy);
    }

    private RunReport run(
            RunMode mode,
            RuleSet rules,
            String prefix,
            LocalDate asOf,
            List<Long> householdIds,
            List<String> idNumbers,
            String startedBy) {
        long t0 = System.nanoTime();
        Loaded loaded = load(rules, prefix, asOf, householdIds, idNumbers);
        ScreeningData.Input input = loaded.input();
        long t1 = System.nanoTime();
        Parameters parameters = rules.parameters(provinceOf(prefix), asOf.getYear());
        ScreeningResult result = householdIds == null
                ? engine.screen(rules, parameters, asOf, input.households(), input.persons(), input.records())
                : engine.screen(
                        rules,
                        parameters,
                        asOf,
                        input.households(),
                        input.persons(),
                        input.records(),
                        IntStream.range(0, input.households().size()).toArray(),
                        idNumbers == null ? List.of() : idNumbers);
        long t2 = System.nanoTime();
        return stored(mode, rules, prefix, asOf, result, input, startedBy, loaded.source(), t1 - t0, t2 - t1);
    }

    /**
     * Stores a run's hits as warnings (a shadow run's not) and the run with its counts: what every run does with its
     * result, whether the engine ran here or elsewhere ({@link ClusterScreening}); times in nanoseconds.
     */
    RunReport stored(
            RunMode mode,
            RuleSet rules,
            String prefix,
            LocalDate asOf,
            ScreeningResult result,
            ScreeningData.Input input,
            String startedBy,
            String source,
            long loadNanos,
            long screenNanos) {
        long t2 = System.nanoTime();
        long runId = jdbc.sql("""
                insert into screening_run (region_code, as_of, mode, rules_version, started_by, households, records)
                values (:r, :a, :m, :v, :u, :h, :n) returning id
                """)
                .param("r", (prefix + "000000000000").substring(0, 12))
                .param("a", asOf)
                .param("m", mode.name())
                .param("v", rules.version())
                .param("u", startedBy)
                .param("h", input.households().size())
                .param("n", input.recordCount())
                .query(Long.class)
                .single();
        int raised = mode == RunMode.SHADOW ? 0 : warnings.raise(runId, result, input, prefix);
        long t3 = System.nanoTime();
        HitCounts counts = HitCounts.of(result, input);
        RunReport report = new RunReport(
                runId,
                mode,
                (prefix + "000000000000").substring(0, 12),
                asOf,
                rules.version(),
                input.households().size(),
                input.recordCount(),
                counts.hits(),
                raised,
                counts.byRule(),
                counts.byTownship(),
                loadNanos / 1_000_000,
                screenNanos / 1_000_000,
                (t3 - t2) / 1_000_000,
                source);
        recordFinished(report);
        return report;
    }

    /** A run's inputs and where they came from ("store", "database", or what the store held in memory said). */
    private record Loaded(ScreeningData.Input input, String source) {}

    /**
     * The run's inputs: a full run from the store when the rules read what it keeps, an incremental one from the copy
     * held in memory when that is current; anything else from PostgreSQL.
     */
    private Loaded load(RuleSet rules, String prefix, LocalDate asOf, List<Long> householdIds, List<String> idNumbers) {
        ScreeningData.Input input = null;
        String source = "database";
        if (householdIds == null && readsWhatTheStoreKeeps(rules)) {
            input = fromStore(rules, prefix, asOf);
            source = "store";
        } else if (householdIds != null && readsWhatTheStoreKeeps(rules)) {
            Optional<ScreeningStore.Input> held = store.incrementalInput(
                    rules.fieldsRead(),
                    prefix,
                    asOf,
                    householdIds,
                    idNumbers == null ? List.of() : idNumbers,
                    () -> data.subsetRegistry(prefix, asOf, householdIds));
            input = held.map(ScreeningRuns::input).orElse(null);
            source = held.map(ScreeningStore.Input::refreshed).orElse("database");
        }
        if (input == null) {
            input = data.load(rules, prefix, asOf, householdIds, idNumbers);
        }
        return new Loaded(input, source);
    }

    /** A run's hits in all, by rule, and registered households' hits by township. */
    private record HitCounts(int hits, Map<String, Integer> byRule, Map<String, Integer> byTownship) {

        /**
         * Counted first by rule and village in hash maps (a province's run has about a million hits, and the village
         * codes are a few thousand shared strings), then summed by township and sorted.
         */
        static HitCounts of(ScreeningResult result, ScreeningData.Input input) {
            Map<String, int[]> rules = new HashMap<>();
            Map<String, int[]> villages = new HashMap<>();
            for (Hit hit : result.hits()) {
                rules.computeIfAbsent(hit.ruleId(), rule -> new int[1])[0]++;
                villages.computeIfAbsent(input.households().villageCode(hit.household()), village -> new int[1])[0]++;
            }
            for (UnregisteredHit hit : result.unregisteredHits()) {
                rules.computeIfAbsent(hit.ruleId(), rule -> new int[1])[0]++;
            }
            Map<String, Integer> byRule = new TreeMap<>();
            rules.forEach((rule, count) -> byRule.put(rule, count[0]));
            Map<String, Integer> byTownship = new TreeMap<>();
            villages.forEach((village, count) -> byTownship.merge(village.substring(0, 9), count[0], Integer::sum));
            return new HitCounts(
                    result.hits().size() + result.unregisteredHits().size(), byRule, byTownship);
        }
    }

    /** Records the run as finished, with its counts and where its time went. */
    private void recordFinished(RunReport report) {
        jdbc.sql("""
                update screening_run set finished_at = now(), hits = :h, warnings_raised = :w, load_ms = :l,
                    screen_ms = :s, store_ms = :st, counts = cast(:c as jsonb) where id = :id
                """)
                .param("h", report.hits())
                .param("w", report.warningsRaised())
                .param("l", (int) report.loadMs())
                .param("s", (int) report.screenMs())
                .param("st", (int) report.storeMs())
                .param(
                        "c",
                        json.writeValueAsString(Map.of(
                                "byRule",
                                report.hitsByRule(),
                                "byTownship",
                                report.hitsByTownship(),
                                "source",
                                report.source())))
                .param("id", report.runId())
                .update();
    }

    /**
     * Runs read the columnar store when the rules read what it keeps, i.e. what the active rules read: full runs
     * after catching it up with the database; incremental runs from the copy the platform holds in memory when that
     * reflects the database as it is (else they read their few households from PostgreSQL).
     */
    private boolean readsWhatTheStoreKeeps(RuleSet rules) {
        return store != null && rules.fieldsRead().equals(ruleBook.active().fieldsRead());
    }

    private ScreeningData.Input fromStore(RuleSet rules, String prefix, LocalDate asOf) {
        return input(store.fullInput(rules.fieldsRead(), prefix, asOf));
    }

    private static ScreeningData.Input input(ScreeningStore.Input stored) {
        return new ScreeningData.Input(
                stored.households(), stored.persons(), stored.records(), stored.recordIds(), stored.recordCount());
    }

    /** Loads the store into memory now if its files are current; says whether it is held. */
    public boolean holdStore() {
        return store != null && store.loadIfCurrent(ruleBook.active().fieldsRead());
    }

    /** Loads the store into memory in the background if its files are current (a platform just started). */
    void loadStoreInBackground() {
        if (store != null) {
            store.loadInBackground(ruleBook.active().fieldsRead());
        }
    }

    /** Brings the store up to date with the records just stored, if that is all that changed. */
    void appendStoredRecords() {
        if (store != null) {
            store.appendIfOnlyRecordsAdded(ruleBook.active().fieldsRead());
        }
    }

    /** Brings the store up to date for the active rules (copying what changed); says what it did. */
    public String refreshStore() {
        return store == null ? "no store" : store.refresh(ruleBook.active().fieldsRead());
    }

    /** The region's code prefix, refused when it is not a region code or lies outside the user's area. */
    static String regionPrefix(String regionCode, BulwarkUser user) {
        String prefix;
        try {
            prefix = regionCode == null || regionCode.isBlank()
                    ? user.scope().prefix()
                    : RegionCode.parse(regionCode.strip()).prefix();
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("region", "region_code", e.getMessage());
        }
        if (!prefix.startsWith(user.scope().prefix())) {
            throw InvalidInputException.of(
                    "region", "unknown_region", "region " + regionCode + " is outside your area");
        }
        return prefix;
    }

    static String provinceOf(String prefix) {
        return prefix.length() >= 2 ? prefix.substring(0, 2) : "";
    }
}
