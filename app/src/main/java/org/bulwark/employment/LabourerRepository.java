package org.bulwark.employment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The labour registry's SQL: labourers with the person's name and household number, their history, changes. */
@Repository
class LabourerRepository {

    static final String LISTING = """
            select l.*, p.name, h.household_number, e.name as employer_name
            from labourer l
            join registry_person p on p.id = l.person_id
            join registry_household h on h.id = l.household_id
            left join employer e on e.id = l.employer_id
            """;

    private static final String FILTERS = """
            where l.village_code like :scope
              and (cast(:inWork as boolean) is null or l.in_work = cast(:inWork as boolean))
              and (cast(:place as varchar) is null or l.place = cast(:place as varchar))
              and (cast(:mode as varchar) is null or l.work_mode = cast(:mode as varchar))
            """;

    static final RowMapper<LabourerListing> LISTING_ROW = (rs, n) -> new LabourerListing(
            LabourerRow.read(rs, "updated_by", "updated_at", true),
            rs.getString("name"),
            rs.getString("household_number"),
            rs.getString("employer_name"));

    private static final RowMapper<LabourerChange> CHANGE_ROW = (rs, n) -> new LabourerChange(
            rs.getLong("id"),
            LabourerChange.Kind.valueOf(rs.getString("change")),
            LabourerRow.read(rs, "changed_by", "changed_at", false),
            rs.getString("changed_by"),
            rs.getTimestamp("changed_at").toInstant());

    // a change by a visit or the office: the history row is written by the same statement, so both or neither
    private static final String UPDATE =
            """
            with u as (
                update labourer set in_work = :inWork, place = :place, work_mode = :mode, employer_id = :employer,
                    since_date = :since, months_worked = :months, months_year = :year, monthly_wage = :wage,
                    skills = cast(:skills as text[]), training = :training, wish_reach = :reach,
                    wish_kinds = cast(:kinds as text[]), wish_min_wage = :minWage, source = :source,
                    source_record_id = null, updated_by = :by, updated_at = now(), version = version + 1
                where person_id = :id and version = :version and village_code like :scope
                returning *
            )
            """ + LabourerHistorySql.insertFrom("u", LabourerChange.Kind.CHANGED, "updated_by");

    // a department record applies unless the labourer's state is already as recent (or is this very record)
    private static final String RECORD =
            """
            with u as (
                update labourer set in_work = :inWork,
                    place = case when :inWork then coalesce(cast(:place as varchar), place) end,
                    work_mode = case when :inWork then work_mode end,
                    employer_id = case when :inWork then employer_id end,
                    monthly_wage = case when :inWork then coalesce(cast(:wage as numeric), monthly_wage) end,
                    since_date = :since, source = 'DEPARTMENT_RECORD', source_record_id = :record,
                    updated_by = :by, updated_at = now(), version = version + 1
                where person_id = :person and (since_date is null or since_date <= :since)
                  and source_record_id is distinct from :record
                returning *
            )
            """ + LabourerHistorySql.insertFrom("u", LabourerChange.Kind.CHANGED, "updated_by");

    private final JdbcClient jdbc;

    LabourerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<LabourerListing> search(String prefix, LabourerSearch s) {
        return filtered(
                        LISTING + FILTERS + " order by l.village_code, h.household_number, l.person_id"
                                + " limit :limit offset :offset",
                        prefix,
                        s)
                .param("limit", LabourerSearch.PAGE_SIZE)
                .param("offset", Math.max(0, s.page()) * LabourerSearch.PAGE_SIZE)
                .query(LISTING_ROW)
                .list();
    }

    long count(String prefix, LabourerSearch s) {
        return filtered("select count(*) from labourer l " + FILTERS, prefix, s)
                .query(Long.class)
                .single();
    }

    private JdbcClient.StatementSpec filtered(String sql, String prefix, LabourerSearch s) {
        return jdbc.sql(sql)
                .param("scope", prefix + "%")
                .param("inWork", s.inWork())
                .param("place", LabourerRow.name(s.place()))
                .param("mode", LabourerRow.name(s.workMode()));
    }

    Optional<LabourerListing> find(long personId, String prefix) {
        return jdbc.sql(LISTING + " where l.person_id = :id and l.village_code like :scope")
                .param("id", personId)
                .param("scope", prefix + "%")
                .query(LISTING_ROW)
                .optional();
    }

    List<LabourerChange> history(long personId, String prefix) {
        return jdbc.sql("select * from labourer_history where person_id = :id and village_code like :scope"
                        + " order by id desc")
                .param("id", personId)
                .param("scope", prefix + "%")
                .query(CHANGE_ROW)
                .list();
    }

    /** Applies a checked change; false when the version is not the labourer's (someone changed it since). */
    boolean update(long personId, String prefix, CheckedLabourer c, String by) {
        return jdbc.sql(UPDATE)
                        .param("id", personId)
                        .param("scope", prefix + "%")
                        .param("version", c.version())
                        .param("inWork", c.inWork())
                        .param("place", LabourerRow.name(c.place()))
                        .param("mode", LabourerRow.name(c.workMode()))
                        .param("employer", c.employerId())
                        .param("since", c.sinceDate())
                        .param("months", c.monthsWorked())
                        .param("year", c.monthsYear())
                        .param("wage", c.monthlyWage())
                        .param("skills", LabourerRow.names(c.skills()))
                        .param("training", c.training())
                        .param("reach", LabourerRow.name(c.wishReach()))
                        .param("kinds", LabourerRow.names(c.wishKinds()))
                        .param("minWage", c.wishMinWage())
                        .param("source", c.source().name())
                        .param("by", by)
                        .update()
                == 1;
    }

    /** Applies an employment_status record; false when the labourer is unknown or already more recent. */
    boolean applyRecord(
            long personId, long recordId, boolean inWork, String place, BigDecimal wage, LocalDate since, String by) {
        return jdbc.sql(RECORD)
                        .param("person", personId)
                        .param("record", recordId)
                        .param("inWork", inWork)
                        .param("place", place)
                        .param("wage", wage)
                        .param("since", since)
                        .param("by", by)
                        .update()
                == 1;
    }

    boolean employerWithin(long employerId, String scopePrefix) {
        return jdbc.sql("select count(*) from employer where id = :id and region_code like :scope")
                        .param("id", employerId)
                        .param("scope", scopePrefix + "%")
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Forgets a household's labourers and their history: the household left the registry. */
    void removeHousehold(long householdId) {
        jdbc.sql("delete from labourer where household_id = :h")
                .param("h", householdId)
                .update();
        jdbc.sql("delete from labourer_history where household_id = :h")
                .param("h", householdId)
                .update();
    }

    List<String> personIdsOf(long householdId) {
        return jdbc.sql("select distinct person_id::text from labourer_history where household_id = :h")
                .param("h", householdId)
                .query(String.class)
                .list();
    }
}
