package org.bulwark.screening;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bulwark.audit.AuditAction;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.core.screening.RuleSet;
import org.bulwark.core.screening.ScreeningResult;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.screening.store.ScreeningStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Screening a region on a cluster (docs/spark.md): hands the region's inputs out as the columnar store keeps them,
 * and takes the hits the cluster found back as warnings, stored exactly as a full run here stores its own.
 */
@Service
public class ClusterScreening {

    private final ScreeningRuns runs;
    private final RuleBook ruleBook;
    private final CurrentUser currentUser;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ScreeningStore store;
    private final AuditLog audit;

    ClusterScreening(
            ScreeningRuns runs,
            RuleBook ruleBook,
            CurrentUser currentUser,
            JdbcClient jdbc,
            Clock clock,
            ObjectProvider<ScreeningStore> store,
            AuditLog audit) {
        this.runs = runs;
        this.ruleBook = ruleBook;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
        this.clock = clock;
        this.store = store.getIfAvailable();
        this.audit = audit;
    }

    /**
     * Hands the region's screening inputs to {@code rows} (records and incomes after {@code until} left out when it is
     * given): what a full run reads, the columnar store's content, caught up with the database first. Returns what
     * was handed out.
     */
    public String export(String regionCode, LocalDate until, ScreeningInputRows rows) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.RUN_SCREENING);
        String prefix = ScreeningRuns.regionPrefix(regionCode, user);
        if (store == null) {
            throw InvalidInputException.of(
                    "region", "store_disabled", "the screening store is off (bulwark.screening.store.enabled)");
        }
        CountedRows counted = new CountedRows(rows);
        String exported = store.export(ruleBook.active().fieldsRead(), prefix, until, counted);
        recordExport(regionCode, counted);
        return exported;
    }

    /**
     * The export hands health and other department data out of the platform in files: audited as an export, before
     * the caller closes (and so publishes) the files.
     */
    private void recordExport(String regionCode, CountedRows counted) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("households", counted.households);
        after.put("persons", counted.persons);
        after.put("records", counted.records);
        audit.record(new AuditRecord(AuditAction.EXPORT, "screening_export", regionCode, regionCode, null, null, after)
                .described("screeningExported", counted.households, counted.persons, counted.records));
    }

    /** Passes the rows on, counting them for the audit entry. */
    private static final class CountedRows implements ScreeningInputRows {

        private final ScreeningInputRows rows;
        private long households;
        private long persons;
        private long records;

        CountedRows(ScreeningInputRows rows) {
            this.rows = rows;
        }

        @Override
        public void household(Household household) {
            households++;
            rows.household(household);
        }

        @Override
        public void person(Person person) {
            persons++;
            rows.person(person);
        }

        @Override
        public void income(Income income) {
            rows.income(income);
        }

        @Override
        public void record(Record record) {
            records++;
            rows.record(record);
        }
    }

    /**
     * A hit found elsewhere, as the Spark job writes it: its subject (a household, or an unregistered person by
     * identity number), rule, level and evidence — feature values as text ({@link Double#toString} for a number), the
     * ids of the records behind each aggregation feature.
     *
     * @param regionCode the household's village, or the region the identity number was issued under
     */
    public record ClusterHit(
            Long householdId,
            String idNumber,
            String regionCode,
            String ruleId,
            String ruleVersion,
            String direction,
            String riskType,
            String level,
            LocalDate deadline,
            Map<String, Double> parameters,
            Map<String, String> features,
            Map<String, long[]> records) {}

    /**
     * What taking hits back did: the run stored (its {@code warningsRaised} the new warnings), the hits whose subject
     * already had an open warning of the rule, the region's open warnings no hit named (a full run closes none: they
     * stay open for the cadres), and the hits left out as outside the region.
     */
    public record Imported(RunReport run, int unchanged, int openNotHit, int outsideRegion) {}

    /**
     * Stores the cluster's hits of the region as a full run here stores its own (same de-duplication against the
     * open warnings, same evidence), as a run of the active rules as of the date the hits' deadlines give (or
     * {@code asOf}); refuses hits of rules or rule versions the platform does not have in force.
     */
    @Transactional
    public Imported importHits(String regionCode, LocalDate asOf, List<ClusterHit> hits, String source) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.RUN_SCREENING);
        String prefix = ScreeningRuns.regionPrefix(regionCode, user);
        RuleSet rules = ruleBook.active();
        List<ClusterHit> inRegion =
                hits.stream().filter(hit -> inRegion(hit, prefix)).toList();
        ClusterHits converted = new ClusterHits(rules, inRegion);
        LocalDate date = converted.asOf(asOf);
        if (date == null) {
            date = LocalDate.now(clock);
        }
        ScreeningResult result = converted.result(ScreeningRuns.provinceOf(prefix), date);
        RunReport report = runs.stored(
                RunMode.FULL, rules, prefix, date, result, converted.input(), user.getUsername(), source, 0, 0);
        return new Imported(
                report,
                inRegion.size() - report.warningsRaised(),
                openNotHit(prefix, converted.keys()),
                hits.size() - inRegion.size());
    }

    private static boolean inRegion(ClusterHit hit, String prefix) {
        String region = hit.regionCode() == null ? "" : (hit.regionCode() + "000000000000").substring(0, 12);
        return region.startsWith(prefix);
    }

    /** The region's open warnings whose (subject, rule) is not among the hits'. */
    private int openNotHit(String prefix, Set<String> hitKeys) {
        Set<String> open = new HashSet<>(jdbc.sql("select household_id, id_number, rule_id from warning "
                        + "where status = 'OPEN' and village_code like :scope")
                .param("scope", prefix + "%")
                .query((rs, n) -> ClusterHits.key(rs.getObject(1, Long.class), rs.getString(2), rs.getString(3)))
                .list());
        open.removeAll(hitKeys);
        return open.size();
    }
}
