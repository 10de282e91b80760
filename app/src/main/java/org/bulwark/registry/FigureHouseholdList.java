package org.bulwark.registry;

import java.util.List;
import java.util.Map;
import org.bulwark.core.registry.HouseholdCategory;
import org.bulwark.region.Regions;
import org.bulwark.statistics.FigureQuery;
import org.bulwark.statistics.HouseholdCondition;
import org.bulwark.statistics.HouseholdListing;
import org.bulwark.statistics.HouseholdsBehind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The households behind a dashboard figure, read from the registry's tables: the providers' conditions are written
 * over {@code household h}, and the scope and the region shown are in the same statement, whatever the caller passes.
 */
@Repository
class FigureHouseholdList implements HouseholdListing {

    private final JdbcClient jdbc;
    private final Regions regions;

    FigureHouseholdList(JdbcClient jdbc, Regions regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    /** A household row before the names of its village and township are added. */
    private record Row(
            long id,
            String householdNumber,
            String villageCode,
            HouseholdCategory category,
            String headName,
            int members) {}

    @Override
    public List<HouseholdsBehind.Listed> list(FigureQuery query, HouseholdCondition condition, int limit, long offset) {
        JdbcClient.StatementSpec statement = jdbc.sql("""
                select h.id, h.household_number, h.village_code, h.category,
                       (select p.name from person p where p.household_id = h.id and p.relation = 'HEAD' limit 1)
                           as head_name,
                       (select count(*) from person m where m.household_id = h.id) as members
                from household h
                where h.village_code like :scope and h.village_code like :region and (%s)
                order by h.household_number
                limit :limit offset :offset
                """.formatted(condition.sql()))
                .param("scope", query.scopePattern())
                .param("region", query.regionPattern())
                .param("limit", limit)
                .param("offset", offset);
        for (Map.Entry<String, Object> p : condition.params().entrySet()) {
            statement = statement.param(p.getKey(), p.getValue());
        }
        List<Row> rows = statement
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getString("household_number"),
                        rs.getString("village_code"),
                        HouseholdCategory.valueOf(rs.getString("category")),
                        rs.getString("head_name"),
                        rs.getInt("members")))
                .list();
        // every village_code references a region (V1), so every row finds its names
        Map<String, Regions.VillageNames> names =
                regions.villageNames(rows.stream().map(Row::villageCode).toList());
        return rows.stream()
                .map(r -> new HouseholdsBehind.Listed(
                        r.id(),
                        r.householdNumber(),
                        r.villageCode(),
                        names.get(r.villageCode()).villageName(),
                        names.get(r.villageCode()).townshipName(),
                        r.category(),
                        r.headName(),
                        r.members()))
                .toList();
    }
}
