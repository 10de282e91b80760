package org.bulwark.casework;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.audit.AuditAction;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.casework.QuarterlyReport.HouseholdsAndPersons;
import org.bulwark.core.casework.MonitoringType;
import org.bulwark.core.casework.RiskType;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.region.RegionLevel;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.RegionScope;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.region.Region;
import org.bulwark.region.Regions;
import org.bulwark.registry.HouseholdSizes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures a county reports upward each quarter, per township (a township's per village), computed as of the
 * quarter's end from the monitoring history; persons are the members the households have today, read from the
 * registry.
 */
@Service
@Transactional(readOnly = true)
public class QuarterlyFigures {

    /** Every event up to the quarter's end, with the type and risks of the identification case behind it. */
    private static final String EVENTS = """
            select e.household_id, m.village_code, e.event, e.happened_on,
                   coalesce(c.monitoring_type, m.monitoring_type) as monitoring_type,
                   coalesce(c.risk_types, m.risk_types) as risk_types
            from monitoring_event e join monitoring m on m.household_id = e.household_id
            left join support_case c on c.id = e.case_id and e.event in ('IDENTIFIED', 'REENTERED')
            where m.village_code like :scope and e.happened_on <= :to
            order by e.household_id, e.happened_on, e.id
            """;

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final Regions regions;
    private final HouseholdSizes sizes;
    private final AuditLog audit;
    private final Clock clock;

    QuarterlyFigures(
            JdbcClient jdbc,
            CurrentUser currentUser,
            Regions regions,
            HouseholdSizes sizes,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.regions = regions;
        this.sizes = sizes;
        this.audit = audit;
        this.clock = clock;
    }

    /** The quarters a picker offers: the last finished one first, back three years. */
    public List<ReportingQuarter> recentQuarters() {
        return ReportingQuarter.lastFinished(LocalDate.now(clock)).backTo(12);
    }

    /** Whether the report can be made for this region: a county or a township. */
    public static boolean reportable(String regionCode) {
        RegionLevel level =
                RegionCode.tryParseFull(regionCode).map(RegionCode::level).orElse(null);
        return level == RegionLevel.COUNTY || level == RegionLevel.TOWNSHIP;
    }

    /** The figures of a county or township within the user's scope (their own region when null), for a quarter. */
    public QuarterlyReport of(String regionCode, String quarter) {
        BulwarkUser user = currentUser.require();
        String region = regionCode == null || regionCode.isBlank() ? user.regionCode() : regionCode.strip();
        RegionScope scope = Cases.within(currentUser.scope(), region);
        if (!reportable(region)) {
            throw InvalidInputException.of("region", "quarterly_region_level", "is not a county or a township");
        }
        ReportingQuarter q = ReportingQuarter.parse(quarter, LocalDate.now(clock));
        String code = RegionCode.normalize(region);
        List<Tally> tallies = new ArrayList<>();
        Map<String, Tally> byCode = new LinkedHashMap<>();
        for (Region child : regions.children(code)) {
            Tally t = new Tally(child.code(), child.name());
            tallies.add(t);
            byCode.put(child.code(), t);
        }
        Tally total = new Tally(code, regions.nameOf(code));
        RegionLevel childLevel =
                RegionCode.parse(code).level() == RegionLevel.COUNTY ? RegionLevel.TOWNSHIP : RegionLevel.VILLAGE;
        List<Counted> households = households(scope, q);
        Map<Long, Integer> members =
                sizes.memberCounts(households.stream().map(Counted::householdId).toList());
        for (Counted h : households) {
            int persons = members.getOrDefault(h.householdId(), 0);
            total.add(h.asOf(), persons);
            String child = new RegionCode(h.villageCode()).truncate(childLevel).value();
            Tally t = byCode.get(child);
            if (t != null) {
                t.add(h.asOf(), persons);
            }
        }
        return new QuarterlyReport(
                code,
                total.name,
                q,
                q.start(),
                q.end(),
                tallies.stream().map(Tally::row).toList(),
                total.row(),
                Instant.now(clock),
                user.displayName());
    }

    /** The figures as {@link #of}, recorded in the audit log as an export of the quarterly report. */
    @Transactional
    public QuarterlyReport export(String regionCode, String quarter) {
        QuarterlyReport report = of(regionCode, quarter);
        HouseholdsAndPersons identified =
                report.total().cell(QuarterlyReport.ALL_TYPES, QuarterlyMeasure.IDENTIFIED_TO_END);
        audit.record(new AuditRecord(
                        AuditAction.EXPORT,
                        "quarterly-report",
                        report.regionName() + " " + quarterWords(report),
                        report.regionCode(),
                        null,
                        null,
                        Map.of(
                                "region",
                                report.regionName(),
                                "quarter",
                                quarterWords(report),
                                "from",
                                report.from().toString(),
                                "to",
                                report.to().toString(),
                                "households",
                                identified.households()))
                .described(
                        "quarterlyReportExported",
                        report.regionName(),
                        report.quarter().year(),
                        report.quarter().quarter()));
        return report;
    }

    /** The quarter as the audit page shows it: 2026年第3季度, not its code. */
    private static String quarterWords(QuarterlyReport report) {
        return report.quarter().year() + "年第" + report.quarter().quarter() + "季度";
    }

    /** A household and where it stood at the quarter's end. */
    private record Counted(long householdId, String villageCode, QuarterHistory.AsOf asOf) {}

    private List<Counted> households(RegionScope scope, ReportingQuarter q) {
        List<Counted> counted = new ArrayList<>();
        List<QuarterHistory.Event> events = new ArrayList<>();
        long[] current = {-1};
        String[] village = {null};
        jdbc.sql(EVENTS)
                .param("scope", scope.likePattern())
                .param("to", q.end())
                .query(rs -> {
                    long id = rs.getLong("household_id");
                    if (id != current[0] && current[0] != -1) {
                        counted.add(fold(current[0], village[0], events, q));
                    }
                    current[0] = id;
                    village[0] = rs.getString("village_code");
                    String type = rs.getString("monitoring_type");
                    events.add(new QuarterHistory.Event(
                            rs.getString("event"),
                            rs.getDate("happened_on").toLocalDate(),
                            type == null ? null : MonitoringType.valueOf(type),
                            RiskTypes.parse(rs.getString("risk_types"))));
                });
        if (current[0] != -1) {
            counted.add(fold(current[0], village[0], events, q));
        }
        return counted;
    }

    private static Counted fold(
            long householdId, String village, List<QuarterHistory.Event> events, ReportingQuarter q) {
        QuarterHistory.AsOf asOf = QuarterHistory.fold(List.copyOf(events), q.start(), q.end());
        events.clear();
        return new Counted(householdId, village, asOf);
    }

    /** The figures of one row as they are added up. */
    private static final class Tally {

        private final String code;
        private final String name;
        private final Map<String, Map<QuarterlyMeasure, HouseholdsAndPersons>> byType = new LinkedHashMap<>();
        private final Map<RiskType, HouseholdsAndPersons> byRisk = new EnumMap<>(RiskType.class);

        Tally(String code, String name) {
            this.code = code;
            this.name = name;
            byType.put(QuarterlyReport.ALL_TYPES, new EnumMap<>(QuarterlyMeasure.class));
            for (MonitoringType type : MonitoringType.values()) {
                byType.put(type.name(), new EnumMap<>(QuarterlyMeasure.class));
            }
        }

        void add(QuarterHistory.AsOf h, int persons) {
            for (QuarterlyMeasure m : h.counted()) {
                byType.get(QuarterlyReport.ALL_TYPES).merge(m, HouseholdsAndPersons.ZERO.plus(persons), Tally::sum);
                if (h.type() != null) {
                    byType.get(h.type().name()).merge(m, HouseholdsAndPersons.ZERO.plus(persons), Tally::sum);
                }
            }
            if (h.counted().contains(QuarterlyMeasure.MONITORED_AT_END)) {
                for (RiskType risk : h.risks()) {
                    byRisk.merge(risk, HouseholdsAndPersons.ZERO.plus(persons), Tally::sum);
                }
            }
        }

        private static HouseholdsAndPersons sum(HouseholdsAndPersons a, HouseholdsAndPersons b) {
            return new HouseholdsAndPersons(a.households() + b.households(), a.persons() + b.persons());
        }

        QuarterlyReport.RegionRow row() {
            return new QuarterlyReport.RegionRow(code, name, byType, byRisk);
        }
    }
}
