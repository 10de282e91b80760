package org.bulwark.employment;

import java.util.List;
import java.util.Optional;
import org.bulwark.core.employment.EmployerKind;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Employers' SQL; every read and write carries the scope's prefix. */
@Repository
class EmployerRepository {

    private static final RowMapper<Employer> ROW = (rs, n) -> new Employer(
            rs.getLong("id"),
            EmployerKind.valueOf(rs.getString("kind")),
            rs.getString("name"),
            rs.getString("credit_code"),
            rs.getString("region_code"),
            rs.getString("contact_name"),
            rs.getString("contact_phone"),
            rs.getBoolean("active"),
            rs.getInt("version"));

    private final JdbcClient jdbc;

    EmployerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Employer> search(String prefix, String text, EmployerKind kind, boolean activeOnly) {
        return jdbc.sql("""
                select * from employer
                where region_code like :scope
                  and (cast(:text as varchar) is null or name like :like or credit_code = upper(cast(:text as varchar)))
                  and (cast(:kind as varchar) is null or kind = cast(:kind as varchar))
                  and (not :activeOnly or active)
                order by name, id limit 500
                """)
                .param("scope", prefix + "%")
                .param("text", text)
                .param("like", "%" + (text == null ? "" : text) + "%")
                .param("kind", kind == null ? null : kind.name())
                .param("activeOnly", activeOnly)
                .query(ROW)
                .list();
    }

    Optional<Employer> find(long id, String prefix) {
        return jdbc.sql("select * from employer where id = :id and region_code like :scope")
                .param("id", id)
                .param("scope", prefix + "%")
                .query(ROW)
                .optional();
    }

    boolean creditCodeTaken(String code, Long exceptId) {
        return jdbc.sql("select count(*) from employer where credit_code = :c and id <> :id")
                        .param("c", code)
                        .param("id", exceptId == null ? -1L : exceptId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    long insert(CheckedEmployer e, String by) {
        return jdbc.sql("""
                insert into employer (kind, name, credit_code, region_code, contact_name, contact_phone, active,
                                      created_by, updated_by)
                values (:kind, :name, :code, :region, :contact, :phone, :active, :by, :by)
                returning id
                """)
                .param("kind", e.kind().name())
                .param("name", e.name())
                .param("code", e.creditCode())
                .param("region", e.regionCode())
                .param("contact", e.contactName())
                .param("phone", e.contactPhone())
                .param("active", e.active())
                .param("by", by)
                .query(Long.class)
                .single();
    }

    boolean update(long id, String prefix, CheckedEmployer e, String by) {
        return jdbc.sql("""
                        update employer set kind = :kind, name = :name, credit_code = :code, region_code = :region,
                            contact_name = :contact, contact_phone = :phone, active = :active, updated_by = :by,
                            updated_at = now(), version = version + 1
                        where id = :id and version = :version and region_code like :scope
                        """)
                        .param("id", id)
                        .param("version", e.version())
                        .param("scope", prefix + "%")
                        .param("kind", e.kind().name())
                        .param("name", e.name())
                        .param("code", e.creditCode())
                        .param("region", e.regionCode())
                        .param("contact", e.contactName())
                        .param("phone", e.contactPhone())
                        .param("active", e.active())
                        .param("by", by)
                        .update()
                == 1;
    }
}
