package org.bulwark.industry;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.bulwark.core.industry.BenefitKind;
import org.bulwark.core.industry.ProjectState;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Benefit links' SQL, scoped by the household's village; households are read through the registry's published view
 * {@code registry_household} only.
 */
@Repository
class BenefitLinkRepository {

    /** A household of the registry as the view publishes it. */
    record HouseholdRef(long id, String householdNumber, String villageCode) {}

    private static final String SELECT = """
            select l.*, p.name as project_name, p.state as project_state, h.household_number
            from benefit_link l
            join industry_project p on p.id = l.project_id
            left join registry_household h on h.id = l.household_id
            """;

    private static final RowMapper<BenefitLink> ROW = (rs, n) -> new BenefitLink(
            rs.getLong("id"),
            rs.getLong("project_id"),
            rs.getString("project_name"),
            ProjectState.valueOf(rs.getString("project_state")),
            rs.getLong("household_id"),
            rs.getString("household_number"),
            rs.getString("village_code"),
            BenefitKind.valueOf(rs.getString("kind")),
            rs.getInt("year"),
            rs.getBigDecimal("amount"));

    private final JdbcClient jdbc;

    BenefitLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<BenefitLink> ofProject(long projectId, String prefix) {
        return jdbc.sql(SELECT + " where l.project_id = :id and l.village_code like :scope"
                        + " order by l.year desc, l.village_code, h.household_number, l.kind limit 2000")
                .param("id", projectId)
                .param("scope", prefix + "%")
                .query(ROW)
                .list();
    }

    List<BenefitLink> ofHousehold(long householdId, String prefix) {
        return jdbc.sql(SELECT + " where l.household_id = :id and l.village_code like :scope"
                        + " order by l.year desc, p.name, l.kind")
                .param("id", householdId)
                .param("scope", prefix + "%")
                .query(ROW)
                .list();
    }

    Optional<BenefitLink> find(long id, String prefix) {
        return jdbc.sql(SELECT + " where l.id = :id and l.village_code like :scope")
                .param("id", id)
                .param("scope", prefix + "%")
                .query(ROW)
                .optional();
    }

    /** The links of a year with what each household received from the project in it, all kinds together. */
    List<BenefitLink> ofYear(int year, String prefix) {
        return jdbc.sql(SELECT + " where l.year = :year and l.village_code like :scope"
                        + " order by l.village_code, h.household_number, p.name")
                .param("year", year)
                .param("scope", prefix + "%")
                .query(ROW)
                .list();
    }

    /**
     * The household of the scope by its id when given (the API's), else by its household number (the form's); none
     * when unknown, outside the scope, or when the number names more than one household (never an error page).
     */
    Optional<HouseholdRef> household(Long id, String number, String prefix) {
        List<HouseholdRef> found = jdbc.sql("select id, household_number, village_code from registry_household where "
                        + (id != null ? "id = :id" : "household_number = :number")
                        + " and village_code like :scope order by id limit 2")
                .param("id", id == null ? -1L : id)
                .param("number", number == null ? "" : number.strip())
                .param("scope", prefix + "%")
                .query((rs, n) -> new HouseholdRef(
                        rs.getLong("id"), rs.getString("household_number"), rs.getString("village_code")))
                .list();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    boolean exists(long projectId, long householdId, BenefitKind kind, int year) {
        return jdbc.sql("""
                        select count(*) from benefit_link
                        where project_id = :p and household_id = :h and kind = :k and year = :y
                        """)
                        .param("p", projectId)
                        .param("h", householdId)
                        .param("k", kind.name())
                        .param("y", year)
                        .query(Long.class)
                        .single()
                > 0;
    }

    long insert(long projectId, HouseholdRef household, BenefitKind kind, int year, BigDecimal amount, String by) {
        return jdbc.sql("""
                insert into benefit_link (project_id, household_id, village_code, kind, year, amount, created_by)
                values (:p, :h, :village, :k, :y, :amount, :by)
                returning id
                """)
                .param("p", projectId)
                .param("h", household.id())
                .param("village", household.villageCode())
                .param("k", kind.name())
                .param("y", year)
                .param("amount", amount)
                .param("by", by)
                .query(Long.class)
                .single();
    }

    void delete(long id) {
        jdbc.sql("delete from benefit_link where id = :id").param("id", id).update();
    }
}
