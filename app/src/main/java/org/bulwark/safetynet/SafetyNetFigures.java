package org.bulwark.safetynet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.statistics.FigureProvider;
import org.bulwark.statistics.FigureQuery;
import org.bulwark.statistics.FigureValue;
import org.bulwark.statistics.HouseholdCondition;
import org.bulwark.statistics.Measure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Allowance and support coverage of the year, in the shape provinces report it (Yunnan: 2.322 million covered, 1.287
 * million of them formerly poor, 471,500 of them under monitoring; docs/policy.md §9): recipients in households and persons,
 * the persons of formerly-poor and of monitored households among them, and the persons in extreme-poverty support.
 */
@Component
class SafetyNetFigures implements FigureProvider {

    static final String HOUSEHOLDS = "safetynet.allowanceHouseholds";
    static final String PERSONS = "safetynet.allowancePersons";
    static final String FORMERLY_POOR = "safetynet.formerlyPoorPersons";
    static final String MONITORED = "safetynet.monitoredPersons";
    static final String SUPPORT = "safetynet.supportPersons";

    /** Each measure's kind of support and, where it counts only some households, their registry category. */
    private record Selection(RecipientKind kind, String category) {}

    private static final Map<String, Selection> SELECTIONS = new LinkedHashMap<>();

    static {
        SELECTIONS.put(HOUSEHOLDS, new Selection(RecipientKind.ALLOWANCE, null));
        SELECTIONS.put(PERSONS, new Selection(RecipientKind.ALLOWANCE, null));
        SELECTIONS.put(FORMERLY_POOR, new Selection(RecipientKind.ALLOWANCE, "FORMERLY_POOR"));
        SELECTIONS.put(MONITORED, new Selection(RecipientKind.ALLOWANCE, "MONITORED"));
        SELECTIONS.put(SUPPORT, new Selection(RecipientKind.SUPPORT, null));
    }

    private final JdbcClient jdbc;

    SafetyNetFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String id() {
        return "safetynet";
    }

    @Override
    public String titleKey() {
        return "dashboard.safetynet";
    }

    @Override
    public int order() {
        return 28;
    }

    @Override
    public String noteKey() {
        return "dashboard.safetynet.note";
    }

    @Override
    public List<Measure> measures() {
        return SELECTIONS.keySet().stream()
                .map(id -> Measure.count(id, "dashboard." + id))
                .toList();
    }

    @Override
    public List<String> headlineMeasures() {
        return List.of(PERSONS, SUPPORT);
    }

    @Override
    public List<FigureValue> byRegion(FigureQuery query) {
        List<FigureValue> values = new ArrayList<>();
        jdbc.sql("""
                select %s as grp,
                       count(*) filter (where r.kind = 'ALLOWANCE') as households,
                       coalesce(sum(r.persons) filter (where r.kind = 'ALLOWANCE'), 0) as persons,
                       count(*) filter (where r.kind = 'ALLOWANCE' and h.category = 'FORMERLY_POOR') as fp_households,
                       coalesce(sum(r.persons) filter (where r.kind = 'ALLOWANCE' and h.category = 'FORMERLY_POOR'), 0)
                           as fp_persons,
                       count(*) filter (where r.kind = 'ALLOWANCE' and h.category = 'MONITORED') as m_households,
                       coalesce(sum(r.persons) filter (where r.kind = 'ALLOWANCE' and h.category = 'MONITORED'), 0)
                           as m_persons,
                       count(*) filter (where r.kind = 'SUPPORT') as s_households,
                       coalesce(sum(r.persons) filter (where r.kind = 'SUPPORT'), 0) as s_persons
                from safety_net_recipient r join registry_household h on h.id = r.household_id
                where h.village_code like :scope and h.village_code like :region and r.year = :year
                group by grouping sets ((%s), ())
                """.formatted(query.groupOrTotal("h.village_code"), query.groupOf("h.village_code")))
                .param("scope", query.scopePattern())
                .param("region", query.regionPattern())
                .param("year", query.year())
                .query((rs, n) -> {
                    String group = rs.getString("grp");
                    long households = rs.getLong("households");
                    values.add(FigureValue.of(group, HOUSEHOLDS, households, households));
                    values.add(FigureValue.of(group, PERSONS, rs.getLong("persons"), households));
                    values.add(FigureValue.of(
                            group, FORMERLY_POOR, rs.getLong("fp_persons"), rs.getLong("fp_households")));
                    values.add(FigureValue.of(group, MONITORED, rs.getLong("m_persons"), rs.getLong("m_households")));
                    values.add(FigureValue.of(group, SUPPORT, rs.getLong("s_persons"), rs.getLong("s_households")));
                    return group;
                })
                .list();
        return values;
    }

    @Override
    public Optional<HouseholdCondition> householdsBehind(String measureId, String key, FigureQuery query) {
        Selection selection = SELECTIONS.get(measureId);
        if (selection == null) {
            return Optional.empty();
        }
        String category = selection.category() == null ? "" : " and rh.category = :category";
        return Optional.of(new HouseholdCondition(
                "exists (select 1 from safety_net_recipient r join registry_household rh on rh.id = r.household_id"
                        + " where r.household_id = h.id and r.year = :year and r.kind = :kind" + category + ")",
                selection.category() == null
                        ? Map.of("year", query.year(), "kind", selection.kind().name())
                        : Map.of(
                                "year", query.year(),
                                "kind", selection.kind().name(),
                                "category", selection.category())));
    }
}
