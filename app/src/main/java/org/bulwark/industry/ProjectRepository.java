package org.bulwark.industry;

import java.util.List;
import java.util.Optional;
import org.bulwark.core.industry.EntityKind;
import org.bulwark.core.industry.FundingSource;
import org.bulwark.core.industry.Industry;
import org.bulwark.core.industry.ProjectState;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Projects' SQL; every read and write carries the scope's prefix. A project is visible where it lies, and where a
 * household it pays lives (a township reads the county's enterprise that pays its households, not the others').
 */
@Repository
class ProjectRepository {

    static final String VISIBLE = """
            (p.region_code like :scope
             or exists (select 1 from benefit_link l where l.project_id = p.id and l.village_code like :scope))
            """;

    private static final RowMapper<Project> ROW = (rs, n) -> new Project(
            rs.getLong("id"),
            EntityKind.valueOf(rs.getString("kind")),
            rs.getString("name"),
            rs.getString("region_code"),
            Industry.valueOf(rs.getString("industry")),
            FundingSource.valueOf(rs.getString("funding_source")),
            rs.getBigDecimal("assistance_funds"),
            rs.getBigDecimal("investment"),
            rs.getBigDecimal("annual_output"),
            ProjectState.valueOf(rs.getString("state")),
            (Integer) rs.getObject("state_year"),
            rs.getInt("version"));

    private final JdbcClient jdbc;

    ProjectRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Project> search(String prefix, String text, EntityKind kind, ProjectState state) {
        return jdbc.sql("""
                select p.* from industry_project p
                where %s
                  and (cast(:text as varchar) is null or p.name like :like)
                  and (cast(:kind as varchar) is null or p.kind = cast(:kind as varchar))
                  and (cast(:state as varchar) is null or p.state = cast(:state as varchar))
                order by p.name, p.id limit 500
                """.formatted(VISIBLE))
                .param("scope", prefix + "%")
                .param("text", text)
                .param("like", "%" + (text == null ? "" : text) + "%")
                .param("kind", kind == null ? null : kind.name())
                .param("state", state == null ? null : state.name())
                .query(ROW)
                .list();
    }

    Optional<Project> find(long id, String prefix) {
        return jdbc.sql("select p.* from industry_project p where p.id = :id and " + VISIBLE)
                .param("id", id)
                .param("scope", prefix + "%")
                .query(ROW)
                .optional();
    }

    long insert(CheckedProject p, String by) {
        return params(jdbc.sql("""
                        insert into industry_project (kind, name, region_code, industry, funding_source,
                            assistance_funds, investment, annual_output, state, state_year, created_by, updated_by)
                        values (:kind, :name, :region, :industry, :funding, :funds, :investment, :output, :state,
                                :stateYear, :by, :by)
                        returning id
                        """), p, by).query(Long.class).single();
    }

    boolean update(long id, String prefix, CheckedProject p, String by) {
        return params(jdbc.sql("""
                                update industry_project set kind = :kind, name = :name, region_code = :region,
                                    industry = :industry, funding_source = :funding, assistance_funds = :funds,
                                    investment = :investment, annual_output = :output, state = :state,
                                    state_year = :stateYear, updated_by = :by, updated_at = now(),
                                    version = version + 1
                                where id = :id and version = :version and region_code like :scope
                                """), p, by)
                        .param("id", id)
                        .param("version", p.version())
                        .param("scope", prefix + "%")
                        .update()
                == 1;
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec sql, CheckedProject p, String by) {
        return sql.param("kind", p.kind().name())
                .param("name", p.name())
                .param("region", p.regionCode())
                .param("industry", p.industry().name())
                .param("funding", p.fundingSource().name())
                .param("funds", p.assistanceFunds())
                .param("investment", p.investment())
                .param("output", p.annualOutput())
                .param("state", p.state().name())
                .param("stateYear", p.stateYear())
                .param("by", by);
    }
}
