package org.bulwark.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.bulwark.core.casework.MeasureCategory;
import org.bulwark.core.casework.MonitoringType;
import org.bulwark.core.casework.RiskType;
import org.bulwark.identity.RegionScope;
import org.bulwark.identity.UserNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The monitoring history households have now, as roster rows: one row per monitoring period, whether the period was
 * recorded from a county's roster or made here through the procedure. What the roster export writes, and what an
 * import compares a file with, so that an exported file imported back finds every household unchanged.
 *
 * <p>A period begins with an IDENTIFIED or REENTERED event (for a case, the day the identification was approved);
 * its last elimination ends it unless a reversal (返贫) followed. Its type and risks are the identification case's, or
 * the roster's word on the period (kept in the household's roster fingerprint). Its helper is the latest assignment
 * of the period and its measures those not cancelled: of the case (case_id), of the roster row (roster_row), and
 * those made here while no identification case had run yet, which belong to the roster's last period.
 */
@Component
class RosterHistory {

    private final JdbcClient jdbc;
    private final UserNames userNames;

    RosterHistory(JdbcClient jdbc, UserNames userNames) {
        this.jdbc = jdbc;
        this.userNames = userNames;
    }

    /** The households of the scope that have a monitoring history (monitored now or eliminated). */
    List<Long> monitored(RegionScope scope) {
        return jdbc.sql("select household_id from monitoring where village_code like :scope order by household_id")
                .param("scope", scope.likePattern())
                .query(Long.class)
                .list();
    }

    /** One household's periods; null when it has none. */
    RosterHousehold of(long householdId) {
        return households(List.of(householdId)).get(householdId);
    }

    /** The periods of each household, rows numbered 1, 2, … in order; a household without one is left out. */
    Map<Long, RosterHousehold> households(Collection<Long> ids) {
        Long[] array = ids.toArray(Long[]::new);
        Map<Long, List<Period>> periods = periods(array);
        Map<Long, Map<Long, Identification>> identifications = identifications(array);
        Map<Long, Map<LocalDate, String[]>> recorded = recorded(array);
        Map<Long, Identification> current = current(array);
        Map<Long, Period> noCase = new HashMap<>();
        periods.forEach((h, list) -> {
            for (Period p : list) {
                Identification i = p.caseId != null
                        ? identifications.getOrDefault(h, Map.of()).get(p.caseId)
                        : recordedType(recorded.getOrDefault(h, Map.of()).get(p.start));
                Identification used = i != null ? i : current.get(h);
                p.type = used.type();
                p.risks = used.risks();
                if (p.caseId == null) {
                    noCase.put(h, p);
                }
            }
        });
        helpers(array, periods, noCase);
        measures(array, periods, noCase);
        naturally(periods, recorded);
        Map<Long, RosterHousehold> households = new LinkedHashMap<>();
        periods.forEach((h, list) -> households.put(h, household(h, list)));
        return households;
    }

    /** A period being read. */
    private static final class Period {
        final LocalDate start;
        final Long caseId;
        final Long rosterRow;
        LocalDate eliminatedOn;
        boolean eliminatedByRoster;
        boolean naturally;
        LocalDate reversedOn;
        MonitoringType type;
        Set<RiskType> risks;
        RosterHousehold.RosterHelper helper;
        String helperText;
        final List<RosterRow.Measure> measures = new ArrayList<>();

        Period(LocalDate start, Long caseId, Long rosterRow) {
            this.start = start;
            this.caseId = caseId;
            this.rosterRow = rosterRow;
        }
    }

    private record Identification(MonitoringType type, Set<RiskType> risks) {}

    /** The periods from the events, in the order they happened. */
    private Map<Long, List<Period>> periods(Long[] ids) {
        Map<Long, List<Period>> periods = new LinkedHashMap<>();
        jdbc.sql("""
                        select household_id, event, happened_on, case_id, roster_row from monitoring_event
                        where household_id = any(:ids) order by household_id, id
                        """)
                .param("ids", ids)
                .query((rs, n) -> {
                    List<Period> list = periods.computeIfAbsent(rs.getLong("household_id"), k -> new ArrayList<>());
                    LocalDate on = rs.getObject("happened_on", LocalDate.class);
                    Long caseId = (Long) rs.getObject("case_id");
                    Long row = rs.getObject("roster_row") == null ? null : rs.getLong("roster_row");
                    Period last = list.isEmpty() ? null : list.get(list.size() - 1);
                    switch (rs.getString("event")) {
                        case "IDENTIFIED", "REENTERED" -> list.add(new Period(on, caseId, row));
                        case "ELIMINATED" -> {
                            if (last != null) {
                                // the last elimination ends the period; an earlier one was reversed
                                last.eliminatedOn = on;
                                last.eliminatedByRoster = row != null;
                                last.reversedOn = null;
                            }
                        }
                        case "REVERSED" -> {
                            if (last != null && last.eliminatedOn != null) {
                                last.reversedOn = on;
                            }
                        }
                        default -> {
                            // no other event exists (the column's check)
                        }
                    }
                    return 0;
                })
                .list();
        periods.values().removeIf(List::isEmpty);
        return periods;
    }

    private Map<Long, Map<Long, Identification>> identifications(Long[] ids) {
        Map<Long, Map<Long, Identification>> found = new HashMap<>();
        jdbc.sql("""
                        select id, household_id, monitoring_type, risk_types from support_case
                        where household_id = any(:ids) and kind = 'IDENTIFICATION' and monitoring_type is not null
                          and risk_types is not null
                        """)
                .param("ids", ids)
                .query((rs, n) -> found.computeIfAbsent(rs.getLong("household_id"), k -> new HashMap<>())
                        .put(
                                rs.getLong("id"),
                                new Identification(
                                        MonitoringType.valueOf(rs.getString("monitoring_type")),
                                        RiskTypes.parse(rs.getString("risk_types")))))
                .list();
        return found;
    }

    /** The household's type and risks now: for a period that neither a case nor a roster describes. */
    private Map<Long, Identification> current(Long[] ids) {
        Map<Long, Identification> found = new HashMap<>();
        jdbc.sql("select household_id, monitoring_type, risk_types from monitoring where household_id = any(:ids)")
                .param("ids", ids)
                .query((rs, n) -> found.put(
                        rs.getLong("household_id"),
                        new Identification(
                                MonitoringType.valueOf(rs.getString("monitoring_type")),
                                RiskTypes.parse(rs.getString("risk_types")))))
                .list();
        return found;
    }

    /**
     * The roster's word on each recorded period, by its identification date: the fingerprint's line split into its
     * fields (type, date, risks, …, naturally, reversal), read from both ends since helper and measures may hold "|".
     */
    private Map<Long, Map<LocalDate, String[]>> recorded(Long[] ids) {
        Map<Long, Map<LocalDate, String[]>> found = new HashMap<>();
        jdbc.sql("select household_id, fingerprint from roster_household where household_id = any(:ids)")
                .param("ids", ids)
                .query((rs, n) -> {
                    Map<LocalDate, String[]> lines = new HashMap<>();
                    for (String line : rs.getString("fingerprint").split("\n")) {
                        String[] fields = line.split("\\|", -1);
                        LocalDate start = fields.length >= 9 ? RosterDates.parse(fields[1]) : null;
                        if (start != null) {
                            lines.put(start, fields);
                        }
                    }
                    return found.put(rs.getLong("household_id"), lines);
                })
                .list();
        return found;
    }

    private static Identification recordedType(String[] fields) {
        if (fields == null) {
            return null;
        }
        try {
            return new Identification(MonitoringType.valueOf(fields[0]), RiskTypes.parse(fields[2]));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether each period's elimination was natural: only the roster says so; the procedure records none. */
    private static void naturally(Map<Long, List<Period>> periods, Map<Long, Map<LocalDate, String[]>> recorded) {
        periods.forEach((h, list) -> list.stream()
                .filter(p -> p.eliminatedByRoster)
                .forEach(p -> {
                    String[] fields = recorded.getOrDefault(h, Map.of()).get(p.start);
                    p.naturally = fields != null && "true".equals(fields[fields.length - 2]);
                }));
    }

    /** The period a helper assignment or measure belongs to, or null (one of a case that opened no period). */
    private static Period periodOf(List<Period> list, Long caseId, Long rosterRow, Period noCase) {
        if (caseId != null) {
            return list.stream()
                    .filter(p -> caseId.equals(p.caseId))
                    .findFirst()
                    .orElse(null);
        }
        if (rosterRow != null) {
            return list.stream()
                    .filter(p -> rosterRow.equals(p.rosterRow))
                    .findFirst()
                    .orElse(null);
        }
        return noCase;
    }

    private void helpers(Long[] ids, Map<Long, List<Period>> periods, Map<Long, Period> noCase) {
        record Row(long household, Long helperId, String name, String phone, Long caseId, Long rosterRow) {}
        List<Row> rows = jdbc.sql("""
                        select a.household_id, a.helper_id, p.name, p.phone, a.case_id, a.roster_row
                        from helper_assignment a left join helper_person p on p.id = a.helper_person_id
                        where a.household_id = any(:ids) order by a.household_id, a.id
                        """)
                .param("ids", ids)
                .query((rs, n) -> new Row(
                        rs.getLong("household_id"),
                        (Long) rs.getObject("helper_id"),
                        rs.getString("name"),
                        rs.getString("phone"),
                        (Long) rs.getObject("case_id"),
                        rs.getObject("roster_row") == null ? null : rs.getLong("roster_row")))
                .list();
        Map<Long, UserNames.Named> accounts = userNames.byIds(
                rows.stream().map(Row::helperId).filter(Objects::nonNull).collect(Collectors.toSet()));
        for (Row r : rows) {
            Period p = periodOf(
                    periods.getOrDefault(r.household(), List.of()),
                    r.caseId(),
                    r.rosterRow(),
                    noCase.get(r.household()));
            if (p == null) {
                continue;
            }
            // the latest assignment of the period is its helper
            if (r.helperId() != null) {
                UserNames.Named account = accounts.get(r.helperId());
                p.helper = new RosterHousehold.RosterHelper(
                        r.helperId(), account == null ? null : account.displayName(), null);
                p.helperText = account == null ? null : account.username();
            } else {
                p.helper = new RosterHousehold.RosterHelper(null, r.name(), r.phone());
                p.helperText = r.name();
            }
        }
    }

    private void measures(Long[] ids, Map<Long, List<Period>> periods, Map<Long, Period> noCase) {
        jdbc.sql("""
                        select household_id, category, description, department, starts_on, ends_on, case_id, roster_row
                        from plan_measure where household_id = any(:ids) and status <> 'CANCELLED'
                        order by household_id, id
                        """)
                .param("ids", ids)
                .query((rs, n) -> {
                    long h = rs.getLong("household_id");
                    Period p = periodOf(
                            periods.getOrDefault(h, List.of()),
                            (Long) rs.getObject("case_id"),
                            rs.getObject("roster_row") == null ? null : rs.getLong("roster_row"),
                            noCase.get(h));
                    if (p != null) {
                        String content = rs.getString("description");
                        // as the reader reads the cell back: stripped, empty rather than absent
                        p.measures.add(new RosterRow.Measure(
                                p.measures.size() + 1,
                                MeasureCategory.valueOf(rs.getString("category")),
                                content == null ? "" : content.strip(),
                                rs.getString("department").strip(),
                                rs.getObject("starts_on", LocalDate.class),
                                rs.getObject("ends_on", LocalDate.class)));
                    }
                    return 0;
                })
                .list();
    }

    private static RosterHousehold household(long householdId, List<Period> list) {
        List<RosterRow> rows = new ArrayList<>();
        Map<Long, RosterHousehold.RosterHelper> helpers = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            Period p = list.get(i);
            long row = i + 1L;
            rows.add(new RosterRow(
                    row,
                    null,
                    null,
                    p.type,
                    p.start,
                    List.copyOf(new java.util.TreeSet<>(p.risks)),
                    p.helperText,
                    p.helper == null ? null : p.helper.phone(),
                    p.measures,
                    p.eliminatedOn != null,
                    p.eliminatedOn,
                    p.naturally,
                    p.reversedOn));
            if (p.helper != null) {
                helpers.put(row, p.helper);
            }
        }
        return new RosterHousehold(householdId, null, null, rows, helpers);
    }
}
