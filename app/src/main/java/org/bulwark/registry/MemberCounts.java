package org.bulwark.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.statistics.FigureQuery;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counts of the members of formerly-poor and monitored households who meet each of several conditions on
 * {@code person p}, with the households they live in, per region group and for the region as a whole — one statement
 * for the employment and the coverage figures alike.
 */
final class MemberCounts {

    /** The households whose members the figures count, as the programme reports them. */
    static final String COUNTED_HOUSEHOLDS = "h.category in ('FORMERLY_POOR', 'MONITORED')";

    /** Persons and households of one group meeting each condition, in the order of the conditions. */
    record Group(String group, long[] persons, long[] households) {}

    private MemberCounts() {}

    static List<Group> of(JdbcClient jdbc, FigureQuery query, List<String> conditions, Map<String, ?> params) {
        StringBuilder select = new StringBuilder("select " + query.groupOrTotal("h.village_code") + " as grp");
        for (int i = 0; i < conditions.size(); i++) {
            select.append(", count(*) filter (where ")
                    .append(conditions.get(i))
                    .append(") as n")
                    .append(i)
                    .append(", count(distinct h.id) filter (where ")
                    .append(conditions.get(i))
                    .append(") as h")
                    .append(i);
        }
        select.append(" from person p join household h on h.id = p.household_id where ")
                .append(COUNTED_HOUSEHOLDS)
                .append(" and h.village_code like :scope and h.village_code like :region group by grouping sets ((")
                .append(query.groupOf("h.village_code"))
                .append("), ())");
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.put("scope", query.scopePattern());
        all.put("region", query.regionPattern());
        List<Group> groups = new ArrayList<>();
        jdbc.sql(select.toString())
                .params(all)
                .query((rs, n) -> {
                    long[] persons = new long[conditions.size()];
                    long[] households = new long[conditions.size()];
                    for (int i = 0; i < conditions.size(); i++) {
                        persons[i] = rs.getLong("n" + i);
                        households[i] = rs.getLong("h" + i);
                    }
                    return groups.add(new Group(rs.getString("grp"), persons, households));
                })
                .list();
        return groups;
    }

    /** The households behind a count: counted households with a member meeting the condition. */
    static String householdsWith(String condition) {
        return COUNTED_HOUSEHOLDS + " and exists (select 1 from person p where p.household_id = h.id and " + condition
                + ")";
    }
}
