package org.bulwark.registry;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bulwark.core.registry.HouseholdCategory;
import org.bulwark.identity.RegionScope;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.region.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Search that forgives: a full identity number, its last digits, a household number, or a name (or the start of
 * one), within the caller's scope and optionally a region inside it.
 */
@Repository
class HouseholdFinder {

    private final JdbcClient jdbc;
    private final Regions regions;

    HouseholdFinder(JdbcClient jdbc, Regions regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    HouseholdPage search(HouseholdSearch search, RegionScope scope) {
        TextMatch textMatch =
                TextMatch.of(search.text() == null ? "" : search.text().strip());
        String match = textMatch.condition();
        String term = textMatch.term();
        String region = search.regionCode() == null || search.regionCode().isBlank()
                ? ""
                : RegionScope.of(search.regionCode()).prefix();
        HouseholdCategory category = parseCategory(search.category());
        String sql = """
                select h.id, h.household_number, h.village_code,
                       h.category, head.name as head_name, head.id_number as head_id,
                       (select count(*) from person m where m.household_id = h.id) as members
                from household h
                left join lateral (select p.name, p.id_number from person p
                                   where p.household_id = h.id and p.relation = 'HEAD' limit 1) head on true
                where h.village_code like :scope and h.village_code like :region
                  and (:category::text is null or h.category = :category)
                  and %s
                order by h.household_number
                limit :limit offset :offset
                """.formatted(match);
        JdbcClient.StatementSpec statement = jdbc.sql(sql)
                .param("scope", scope.likePattern())
                .param("region", region + "%")
                .param("category", category == null ? null : category.name())
                .param("limit", search.size() + 1)
                .param("offset", search.page() * search.size());
        if (term != null) {
            statement = statement.param("term", term);
        }
        List<HouseholdSummary> found = statement
                .query((rs, n) -> new HouseholdSummary(
                        rs.getLong("id"),
                        rs.getString("household_number"),
                        rs.getString("village_code"),
                        null,
                        null,
                        HouseholdCategory.valueOf(rs.getString("category")),
                        rs.getString("head_name"),
                        rs.getString("head_id"),
                        rs.getInt("members")))
                .list();
        List<HouseholdSummary> rows = withVillageNames(found);
        boolean more = rows.size() > search.size();
        return new HouseholdPage(more ? rows.subList(0, search.size()) : rows, search.page(), search.size(), more);
    }

    /**
     * What the search text matches, as a condition on {@code h} and its {@code :term} (null: none): nothing typed,
     * a whole identity number, a household number, the last digits of an identity number, or else the start of a
     * member's name.
     */
    private record TextMatch(String condition, String term) {

        static TextMatch of(String text) {
            if (text.isEmpty()) {
                return new TextMatch("true", null);
            } else if (text.matches("[0-9]{17}[0-9xX]")) {
                return new TextMatch(
                        "h.id in (select p.household_id from person p where p.id_number = :term)", text.toUpperCase());
            } else if (text.matches("[0-9]{16}")) {
                return new TextMatch("h.household_number = :term", text);
            } else if (text.matches("[0-9]{3,17}[xX]?")) {
                // the last digits of an identity number, found through the index on the reversed number
                return new TextMatch(
                        "h.id in (select p.household_id from person p where reverse(p.id_number) like :term)",
                        new StringBuilder(text.toUpperCase()).reverse() + "%");
            }
            return new TextMatch(
                    "h.id in (select p.household_id from person p where p.name like :term)",
                    text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
    }

    /** The rows with their village's and township's names, which the region module keeps. */
    private List<HouseholdSummary> withVillageNames(List<HouseholdSummary> rows) {
        // every village_code references a region (V1), so every row finds its names
        Map<String, Regions.VillageNames> names = regions.villageNames(
                rows.stream().map(HouseholdSummary::villageCode).toList());
        return rows.stream()
                .map(r -> new HouseholdSummary(
                        r.id(),
                        r.householdNumber(),
                        r.villageCode(),
                        names.get(r.villageCode()).villageName(),
                        names.get(r.villageCode()).townshipName(),
                        r.category(),
                        r.headName(),
                        r.headIdNumber(),
                        r.members()))
                .toList();
    }

    private static HouseholdCategory parseCategory(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return HouseholdCategory.valueOf(value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(
                    "category", "allowed_values", "must be one of " + Arrays.toString(HouseholdCategory.values()));
        }
    }
}
