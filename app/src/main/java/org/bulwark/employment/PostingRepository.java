package org.bulwark.employment;

import java.util.List;
import java.util.Optional;
import org.bulwark.core.employment.Skill;
import org.bulwark.core.employment.WorkKind;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Postings' SQL, scoped by the posting's place. */
@Repository
class PostingRepository {

    static final String SELECT =
            "select p.*, e.name as employer_name from posting p join employer e on e.id = p.employer_id ";

    static final RowMapper<Posting> ROW = (rs, n) -> new Posting(
            rs.getLong("id"),
            rs.getLong("employer_id"),
            rs.getString("employer_name"),
            rs.getString("title"),
            rs.getString("region_code"),
            WorkKind.valueOf(rs.getString("work_kind")),
            LabourerRow.list(rs.getArray("skills"), Skill::valueOf),
            rs.getBigDecimal("monthly_wage"),
            rs.getObject("hours_per_week", Integer.class),
            rs.getInt("openings"),
            rs.getObject("open_from", java.time.LocalDate.class),
            rs.getObject("open_to", java.time.LocalDate.class),
            Posting.State.valueOf(rs.getString("state")),
            rs.getInt("version"));

    private final JdbcClient jdbc;

    PostingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Posting> search(String prefix, Long employerId, WorkKind kind, Posting.State state) {
        return jdbc.sql(SELECT + """
                where p.region_code like :scope
                  and (cast(:employer as bigint) is null or p.employer_id = cast(:employer as bigint))
                  and (cast(:kind as varchar) is null or p.work_kind = cast(:kind as varchar))
                  and (cast(:state as varchar) is null or p.state = cast(:state as varchar))
                order by p.open_from desc, p.id desc limit 500
                """)
                .param("scope", prefix + "%")
                .param("employer", employerId)
                .param("kind", LabourerRow.name(kind))
                .param("state", LabourerRow.name(state))
                .query(ROW)
                .list();
    }

    Optional<Posting> find(long id, String prefix) {
        return jdbc.sql(SELECT + "where p.id = :id and p.region_code like :scope")
                .param("id", id)
                .param("scope", prefix + "%")
                .query(ROW)
                .optional();
    }

    long insert(CheckedPosting p, String by) {
        return values(jdbc.sql("""
                        insert into posting (employer_id, title, region_code, work_kind, skills, monthly_wage,
                            hours_per_week, openings, open_from, open_to, state, created_by, updated_by)
                        values (:employer, :title, :region, :kind, cast(:skills as text[]), :wage, :hours,
                            :openings, :from, :to, :state, :by, :by)
                        returning id
                        """), p, by).query(Long.class).single();
    }

    boolean update(long id, String prefix, CheckedPosting p, String by) {
        return values(jdbc.sql("""
                                update posting set employer_id = :employer, title = :title, region_code = :region,
                                    work_kind = :kind, skills = cast(:skills as text[]), monthly_wage = :wage,
                                    hours_per_week = :hours, openings = :openings, open_from = :from,
                                    open_to = :to, state = :state, updated_by = :by, updated_at = now(),
                                    version = version + 1
                                where id = :id and version = :version and region_code like :scope
                                """), p, by)
                        .param("id", id)
                        .param("version", p.version())
                        .param("scope", prefix + "%")
                        .update()
                == 1;
    }

    private static JdbcClient.StatementSpec values(JdbcClient.StatementSpec sql, CheckedPosting p, String by) {
        return sql.param("employer", p.employerId())
                .param("title", p.title())
                .param("region", p.regionCode())
                .param("kind", p.workKind().name())
                .param("skills", LabourerRow.names(p.skills()))
                .param("wage", p.monthlyWage())
                .param("hours", p.hoursPerWeek())
                .param("openings", p.openings())
                .param("from", p.openFrom())
                .param("to", p.openTo())
                .param("state", p.state().name())
                .param("by", by);
    }
}
