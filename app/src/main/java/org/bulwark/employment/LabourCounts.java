package org.bulwark.employment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.statistics.FigureQuery;
import org.bulwark.statistics.FigureValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The labourer counts behind {@link LabourFigures}: for each condition on a labourer row {@code l}, the labourers
 * meeting it and their households, per group — today from {@code labourer}, and on a past day from the state each
 * labourer's history gives as of that day. One statement per call, grouped by a region group or by a key.
 */
final class LabourCounts {

    /** The labourers meeting each condition and their households, with the wages of those in work. */
    record Group(String group, Map<String, long[]> counts, BigDecimal wages, long waged, long wagedHouseholds) {}

    private LabourCounts() {}

    /**
     * The labourers of today, grouped by {@code groupSql} over {@code groupingSets} (both SQL over {@code l}).
     *
     * @param conditions measure id to a condition on {@code l}
     */
    static List<Group> today(
            JdbcClient jdbc, FigureQuery query, Map<String, String> conditions, String groupSql, String groupingSets) {
        String sql = "select " + groupSql + " as grp" + counted(conditions)
                + ", sum(l.monthly_wage) filter (where l.in_work) as wages"
                + ", count(*) filter (where l.in_work and l.monthly_wage is not null) as waged"
                + ", count(distinct l.household_id) filter (where l.in_work and l.monthly_wage is not null) as waged_h"
                + " from labourer l where l.village_code like :scope and l.village_code like :region group by "
                + groupingSets;
        return read(jdbc, sql, query, conditions, Map.of());
    }

    /**
     * The labourers in work at the end of a past day, as their history gives it: each labourer's last history row
     * of that day or before, unless it removed them; grouped by the village of that row. A labourer who moved out of
     * the region since still counts where they lived then.
     */
    static List<Group> inWorkOn(
            JdbcClient jdbc, FigureQuery query, LocalDate day, String groupSql, String groupingSets) {
        Map<String, String> conditions = Map.of("inWork", "l.in_work");
        String sql = """
                with touched as (
                    select distinct person_id from labourer_history
                    where village_code like :scope and village_code like :region and changed_at < :until
                ), l as (
                    select distinct on (h.person_id) h.person_id, h.household_id, h.village_code, h.change, h.in_work,
                           h.work_mode, h.monthly_wage
                    from labourer_history h join touched t on t.person_id = h.person_id
                    where h.changed_at < :until
                    order by h.person_id, h.id desc
                )
                """ + "select " + groupSql + " as grp" + counted(conditions)
                + ", null as wages, 0 as waged, 0 as waged_h from l where l.change <> 'REMOVED'"
                + " and l.village_code like :scope and l.village_code like :region group by " + groupingSets;
        // the end of the day: history rows written before the next day began
        return read(
                jdbc, sql, query, conditions, Map.of("until", day.plusDays(1).atStartOfDay()));
    }

    private static String counted(Map<String, String> conditions) {
        StringBuilder select = new StringBuilder();
        int i = 0;
        for (String condition : conditions.values()) {
            select.append(", count(*) filter (where ")
                    .append(condition)
                    .append(") as n")
                    .append(i);
            select.append(", count(distinct l.household_id) filter (where ")
                    .append(condition)
                    .append(") as h")
                    .append(i++);
        }
        return select.toString();
    }

    private static List<Group> read(
            JdbcClient jdbc, String sql, FigureQuery query, Map<String, String> conditions, Map<String, ?> params) {
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.put("scope", query.scopePattern());
        all.put("region", query.regionPattern());
        List<String> ids = new ArrayList<>(conditions.keySet());
        return jdbc.sql(sql)
                .params(all)
                .query((rs, n) -> {
                    Map<String, long[]> counts = new LinkedHashMap<>();
                    for (int i = 0; i < ids.size(); i++) {
                        counts.put(ids.get(i), new long[] {rs.getLong("n" + i), rs.getLong("h" + i)});
                    }
                    return new Group(
                            rs.getString("grp"),
                            counts,
                            rs.getBigDecimal("wages"),
                            rs.getLong("waged"),
                            rs.getLong("waged_h"));
                })
                .list();
    }

    /** A percentage with one decimal, or null without a base. */
    static BigDecimal percent(long part, long whole) {
        return whole == 0
                ? null
                : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /** The change from {@code before} to {@code now} in percent of {@code before}, or null without a base. */
    static BigDecimal growth(long now, long before) {
        return before == 0
                ? null
                : BigDecimal.valueOf((now - before) * 100L).divide(BigDecimal.valueOf(before), 1, RoundingMode.HALF_UP);
    }

    /** Figure values of a count: persons, resting on their households. */
    static FigureValue count(String group, String measure, long[] count) {
        return FigureValue.of(group, measure, count[0], count[1]);
    }
}
