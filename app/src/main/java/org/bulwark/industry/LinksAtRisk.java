package org.bulwark.industry;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.bulwark.core.industry.IndustryFailureCheck;
import org.bulwark.core.industry.ProjectState;
import org.bulwark.identity.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The industry-failure list (docs/policy.md §3, docs/industry.md): households of the user's region linked in the year or
 * the year before to a project that failed or closed, or that paid them nothing in the year. It stands in for the
 * screening rule IND-02 until links reach the screening engine as a category of their own.
 */
@Service
@Transactional(readOnly = true)
public class LinksAtRisk {

    // "paid nothing": the brief's wording of the rule; a province's least amount belongs in rules.yaml with IND-02
    static final BigDecimal NOTHING = BigDecimal.ZERO;

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    LinksAtRisk(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    /** The links at risk in the year, by village and household. */
    public List<LinkAtRisk> of(int year) {
        return jdbc
                .sql("""
                select l.household_id, h.household_number, l.village_code, p.id as project_id,
                       p.name as project_name, p.state, p.state_year,
                       coalesce(sum(l.amount) filter (where l.year = :year), 0) as received
                from benefit_link l
                join industry_project p on p.id = l.project_id
                left join registry_household h on h.id = l.household_id
                where l.village_code like :scope and l.year between :year - 1 and :year
                group by l.household_id, h.household_number, l.village_code, p.id, p.name, p.state, p.state_year
                order by l.village_code, h.household_number, p.name
                """)
                .param("year", year)
                .param("scope", currentUser.scope().prefix() + "%")
                .query((rs, n) -> atRisk(rs, year))
                .list()
                .stream()
                .flatMap(Optional::stream)
                .toList();
    }

    private static Optional<LinkAtRisk> atRisk(ResultSet rs, int year) throws SQLException {
        LinkAtRisk link = new LinkAtRisk(
                rs.getLong("household_id"),
                rs.getString("household_number"),
                rs.getString("village_code"),
                rs.getLong("project_id"),
                rs.getString("project_name"),
                ProjectState.valueOf(rs.getString("state")),
                (Integer) rs.getObject("state_year"),
                rs.getBigDecimal("received"),
                null);
        return IndustryFailureCheck.check(link.projectState(), link.stateYear(), year, link.received(), NOTHING)
                .map(link::because);
    }
}
