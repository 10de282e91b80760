package org.bulwark.industry;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.bulwark.core.industry.IndustryFailureCheck;
import org.bulwark.core.industry.ProjectState;
import org.bulwark.core.screening.ActiveParameters;
import org.bulwark.core.screening.Parameters;
import org.bulwark.identity.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The industry-failure list (docs/policy.md §3, docs/industry.md): households of the user's region linked in the year or
 * the year before to a project that failed or closed, or that paid them nothing in the year — the links behind the
 * screening rule IND-02, asked the same core question with the same parameters of the province and year.
 */
@Service
@Transactional(readOnly = true)
public class LinksAtRisk {

    static final String LEAST_PAYMENT = "industry_least_payment";
    static final String UNPAID_MONTHS = "industry_unpaid_months";

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final ActiveParameters rules;
    private final Clock clock;

    LinksAtRisk(JdbcClient jdbc, CurrentUser currentUser, ActiveParameters rules, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.rules = rules;
        this.clock = clock;
    }

    /** The links at risk in the year, by village and household. */
    public List<LinkAtRisk> of(int year) {
        String prefix = currentUser.scope().prefix();
        Parameters p = rules.parameters(prefix.length() >= 2 ? prefix.substring(0, 2) : "", year);
        BigDecimal least = BigDecimal.valueOf(p.value(LEAST_PAYMENT));
        boolean due = IndustryFailureCheck.paymentDue(year, LocalDate.now(clock), (int) p.value(UNPAID_MONTHS));
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
                .param("scope", prefix + "%")
                .query((rs, n) -> atRisk(rs, year, least, due))
                .list()
                .stream()
                .flatMap(Optional::stream)
                .toList();
    }

    private static Optional<LinkAtRisk> atRisk(ResultSet rs, int year, BigDecimal least, boolean due)
            throws SQLException {
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
        return IndustryFailureCheck.check(link.projectState(), link.stateYear(), year, link.received(), least, due)
                .map(link::because);
    }
}
