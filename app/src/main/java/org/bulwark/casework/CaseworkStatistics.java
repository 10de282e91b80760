package org.bulwark.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.core.casework.CaseStatus;
import org.bulwark.core.casework.Step;
import org.bulwark.core.region.RegionCode;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.RegionScope;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.region.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Computes the casework figures by region and period with queries over cases and monitoring history. */
@Service
@Transactional(readOnly = true)
public class CaseworkStatistics {

    /** Figures per region, grouped on the first {@code :len} digits of the village code ({@code 0}: the whole scope). */
    private static final String FIGURES = """
            with touched as (
              select e.household_id,
                     bool_or(e.event in ('IDENTIFIED', 'REENTERED')) as identified,
                     bool_or(e.event = 'ELIMINATED') as eliminated,
                     bool_or(e.event = 'REENTERED') as reentered
              from monitoring_event e join monitoring m on m.household_id = e.household_id
              where m.village_code like :scope and e.happened_on between :from and :to
              group by e.household_id
            ), households as (
              select m.household_id, m.village_code, m.status, coalesce(t.identified, false) as identified,
                     coalesce(t.eliminated, false) and m.status = 'ELIMINATED' as eliminated,
                     coalesce(t.reentered, false) as reentered,
                     (select count(*) from registry_person p where p.household_id = m.household_id) as persons
              from monitoring m left join touched t on t.household_id = m.household_id
              where m.village_code like :scope
            )
            select substr(village_code, 1, :len) as region,
                   count(*) filter (where identified) as ih, coalesce(sum(persons) filter (where identified), 0) as ip,
                   count(*) filter (where eliminated) as eh, coalesce(sum(persons) filter (where eliminated), 0) as ep,
                   count(*) filter (where status = 'MONITORED') as mh,
                   coalesce(sum(persons) filter (where status = 'MONITORED'), 0) as mp,
                   count(*) filter (where reentered) as rh
            from households group by 1 order by 1
            """;

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final Regions regions;
    private final Cases cases;
    private final Clock clock;

    CaseworkStatistics(JdbcClient jdbc, CurrentUser currentUser, Regions regions, Cases cases, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.regions = regions;
        this.cases = cases;
        this.clock = clock;
    }

    /** The statistics of a region within the user's scope (their own region when null), for a period (all time when null). */
    public CaseStatistics of(String regionCode, LocalDate from, LocalDate to) {
        RegionScope userScope = currentUser.scope();
        String region = regionCode == null || regionCode.isBlank()
                ? currentUser.require().regionCode()
                : regionCode;
        RegionScope scope = Cases.within(userScope, region);
        LocalDate start = from == null ? LocalDate.of(2000, 1, 1) : from;
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        if (end.isBefore(start)) {
            throw InvalidInputException.of("to", "before_start", "is before the start of the period");
        }
        CaseFigures total = figures(scope, start, end, 0).stream()
                .findFirst()
                .orElse(new CaseFigures(region, null, 0, 0, 0, 0, 0, 0, 0));
        total = rename(total, region);
        int childLength = childPrefixLength(scope.prefix().length());
        List<CaseFigures> parts = childLength == 0
                ? List.of()
                : figures(scope, start, end, childLength).stream()
                        .map(f -> rename(f, RegionCode.normalize(f.regionCode())))
                        .toList();
        Map<String, Long> byType = counts("""
                select m.monitoring_type as k, count(distinct m.household_id) as n
                from monitoring m join monitoring_event e on e.household_id = m.household_id
                where m.village_code like :scope and e.event in ('IDENTIFIED', 'REENTERED')
                  and e.happened_on between :from and :to
                group by 1 order by 2 desc
                """, scope, start, end);
        Map<String, Long> byRisk = counts("""
                select r as k, count(distinct m.household_id) as n
                from monitoring m join monitoring_event e on e.household_id = m.household_id,
                     unnest(string_to_array(m.risk_types, ',')) as r
                where m.village_code like :scope and e.event in ('IDENTIFIED', 'REENTERED')
                  and e.happened_on between :from and :to
                group by 1 order by 2 desc
                """, scope, start, end);
        Map<String, Long> openByStep = inProcedureOrder(counts("""
                select step as k, count(*) as n from support_case
                where village_code like :scope and status = 'OPEN'
                group by 1
                """, scope, start, end));
        long open = openByStep.values().stream().mapToLong(Long::longValue).sum();
        long overdue =
                cases.list(region, CaseStatus.OPEN, null, null, true, 100_000).size();
        return new CaseStatistics(start, end, total, parts, byType, byRisk, openByStep, open, overdue);
    }

    private List<CaseFigures> figures(RegionScope scope, LocalDate from, LocalDate to, int length) {
        return jdbc.sql(FIGURES)
                .param("scope", scope.likePattern())
                .param("from", from)
                .param("to", to)
                .param("len", length)
                .query((rs, n) -> new CaseFigures(
                        rs.getString("region"),
                        null,
                        rs.getLong("ih"),
                        rs.getLong("ip"),
                        rs.getLong("eh"),
                        rs.getLong("ep"),
                        rs.getLong("mh"),
                        rs.getLong("mp"),
                        rs.getLong("rh")))
                .list();
    }

    private Map<String, Long> counts(String sql, RegionScope scope, LocalDate from, LocalDate to) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql(sql)
                .param("scope", scope.likePattern())
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> counts.put(rs.getString("k"), rs.getLong("n")))
                .list();
        return counts;
    }

    /** Steps read in the order a case passes them, not by how many cases wait at each. */
    static Map<String, Long> inProcedureOrder(Map<String, Long> byStep) {
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (Step step : Step.values()) {
            Long count = byStep.remove(step.name());
            if (count != null) {
                ordered.put(step.name(), count);
            }
        }
        ordered.putAll(byStep);
        return ordered;
    }

    private CaseFigures rename(CaseFigures f, String code) {
        return new CaseFigures(
                code,
                regions.nameOf(code),
                f.identifiedHouseholds(),
                f.identifiedPersons(),
                f.eliminatedHouseholds(),
                f.eliminatedPersons(),
                f.monitoredHouseholds(),
                f.monitoredPersons(),
                f.reenteredHouseholds());
    }

    /** The prefix length of the level below a scope of this prefix length (0 below a village). */
    private static int childPrefixLength(int prefixLength) {
        return switch (prefixLength) {
            case 0 -> 2;
            case 2 -> 4;
            case 4 -> 6;
            case 6 -> 9;
            case 9 -> 12;
            default -> 0;
        };
    }
}
