package org.bulwark.industry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.core.industry.IndustryFailureCheck;
import org.bulwark.core.industry.IndustryFailureCheck.ProjectYear;
import org.bulwark.core.industry.ProjectState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A household's year as IND-02 reads it (docs/industry.md): its projects linked in the year or the year before, each with
 * its state and what it paid in the year, summed up by the core's {@link IndustryFailureCheck#snapshot}. Not scoped:
 * it serves the platform's own feed, never a user.
 */
@Repository
class BenefitSnapshots {

    /** A household's snapshot of a year, with where the household lives. */
    record HouseholdYear(
            long householdId,
            String householdNumber,
            String villageCode,
            int year,
            IndustryFailureCheck.Snapshot snapshot) {}

    private record Household(String number, String village) {}

    private final JdbcClient jdbc;

    BenefitSnapshots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Makes the feed's runs take turns until their transaction ends, so that a snapshot read later is also stored later
     * (IND-02 reads the latest): two changes' runs cannot read in one order and store in the other.
     */
    void takeTurn() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('industry_benefit_feed'))")
                .query()
                .listOfRows();
    }

    /** The households' snapshots of the year; a household without links in it gets an empty one (it clears a warning). */
    List<HouseholdYear> of(List<Long> householdIds, int year) {
        Map<Long, Household> households = new LinkedHashMap<>();
        jdbc.sql("select id, household_number, village_code from registry_household where id = any(:ids) order by id")
                .param("ids", householdIds.toArray(Long[]::new))
                .query((rs, n) -> households.put(
                        rs.getLong("id"),
                        new Household(rs.getString("household_number"), rs.getString("village_code"))))
                .list();
        Map<Long, List<ProjectYear>> projects = new LinkedHashMap<>();
        jdbc.sql("""
                select l.household_id, p.state, p.state_year,
                       coalesce(sum(l.amount) filter (where l.year = :year), 0) as received
                from benefit_link l join industry_project p on p.id = l.project_id
                where l.household_id = any(:ids) and l.year between :year - 1 and :year
                group by l.household_id, p.id, p.state, p.state_year
                """)
                .param("ids", householdIds.toArray(Long[]::new))
                .param("year", year)
                .query((rs, n) -> projects.computeIfAbsent(rs.getLong("household_id"), k -> new ArrayList<>())
                        .add(new ProjectYear(
                                ProjectState.valueOf(rs.getString("state")),
                                (Integer) rs.getObject("state_year"),
                                rs.getBigDecimal("received"))))
                .list();
        List<HouseholdYear> years = new ArrayList<>();
        households.forEach((id, h) -> years.add(new HouseholdYear(
                id,
                h.number(),
                h.village(),
                year,
                IndustryFailureCheck.snapshot(year, projects.getOrDefault(id, List.of())))));
        return years;
    }

    /** The households linked to a project, and the years of their links. */
    Map<Long, List<Integer>> linkedTo(long projectId) {
        Map<Long, List<Integer>> years = new LinkedHashMap<>();
        jdbc.sql("select distinct household_id, year from benefit_link where project_id = :p order by 1, 2")
                .param("p", projectId)
                .query((rs, n) -> years.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(rs.getInt(2)))
                .list();
        return years;
    }

    static String amount(BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
