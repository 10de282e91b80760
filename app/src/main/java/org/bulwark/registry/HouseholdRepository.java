package org.bulwark.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.core.identity.Sex;
import org.bulwark.core.registry.Disability;
import org.bulwark.core.registry.Education;
import org.bulwark.core.registry.Employment;
import org.bulwark.core.registry.EmploymentPlace;
import org.bulwark.core.registry.Health;
import org.bulwark.core.registry.HouseholdCategory;
import org.bulwark.core.registry.LabourCapacity;
import org.bulwark.core.registry.Relation;
import org.bulwark.core.registry.Schooling;
import org.bulwark.identity.RegionScope;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for households and persons. Every read and write takes the caller's {@link RegionScope} and puts it in the
 * SQL, so a row outside the scope is never returned or changed, whichever entry point asked.
 */
@Repository
class HouseholdRepository {

    private final JdbcClient jdbc;

    HouseholdRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Household> household(long id, RegionScope scope) {
        return jdbc.sql("select * from household where id = :id and village_code like :scope")
                .param("id", id)
                .param("scope", scope.likePattern())
                .query(HOUSEHOLD)
                .optional();
    }

    /** The village of a household, whatever the user's region: for audit entries only, never shown to the user. */
    String villageOfHousehold(long id) {
        return jdbc.sql("select village_code from household where id = :id")
                .param("id", id)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    Optional<Household> householdByNumber(String number, RegionScope scope) {
        return jdbc.sql("select * from household where household_number = :n and village_code like :scope")
                .param("n", number)
                .param("scope", scope.likePattern())
                .query(HOUSEHOLD)
                .optional();
    }

    List<Person> members(long householdId) {
        return jdbc.sql(
                        "select * from person where household_id = :id order by (relation = 'HEAD') desc, birth_date, id")
                .param("id", householdId)
                .query(PERSON)
                .list();
    }

    Optional<Person> person(long id, RegionScope scope) {
        return jdbc.sql("""
                select p.* from person p join household h on h.id = p.household_id
                where p.id = :id and h.village_code like :scope
                """)
                .param("id", id)
                .param("scope", scope.likePattern())
                .query(PERSON)
                .optional();
    }

    Optional<Person> personByIdNumber(String idNumber, RegionScope scope) {
        return jdbc.sql("""
                select p.* from person p join household h on h.id = p.household_id
                where p.id_number = :n and h.village_code like :scope
                """)
                .param("n", idNumber)
                .param("scope", scope.likePattern())
                .query(PERSON)
                .optional();
    }

    /** Whether the identity number is held by anyone (in any region): one person, one household, nationwide. */
    Optional<Long> householdOfIdNumber(String idNumber) {
        return jdbc.sql("select household_id from person where id_number = :n")
                .param("n", idNumber)
                .query(Long.class)
                .optional();
    }

    boolean householdNumberTaken(String number) {
        return jdbc.sql("select count(*) from household where household_number = :n")
                        .param("n", number)
                        .query(Long.class)
                        .single()
                > 0;
    }

    String nextHouseholdNumber(String villageCode) {
        // serialise numbering within a village until the transaction ends; the number is looked up
        // by prefix, not by the village the household lives in now, because a household that moved
        // away keeps the number it was given here
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:v))")
                .param("v", villageCode)
                .query()
                .singleRow();
        String last = jdbc.sql("""
                select max(household_number) from household
                where household_number between :first and :last and length(household_number) = 16
                """)
                .param("first", villageCode + "0000")
                .param("last", villageCode + "9999")
                .query(String.class)
                .optional()
                .orElse(null);
        int next = last == null ? 1 : Integer.parseInt(last.substring(12)) + 1;
        return villageCode + String.format("%04d", next);
    }

    long insertHousehold(String number, RegistryValidator.ValidHousehold h) {
        return jdbc.sql("""
                insert into household (household_number, village_code, category, address, phone)
                values (:n, :v, :c, :a, :p) returning id
                """)
                .param("n", number)
                .param("v", h.villageCode())
                .param("c", h.category().name())
                .param("a", h.address())
                .param("p", h.phone() == null ? null : h.phone().value())
                .query(Long.class)
                .single();
    }

    /** Updates if the version still matches; returns the rows changed (0 means someone else changed it first). */
    void setCategory(long id, HouseholdCategory category) {
        jdbc.sql("update household set category = :c, version = version + 1, updated_at = now() where id = :id")
                .param("c", category.name())
                .param("id", id)
                .update();
    }

    int updateHousehold(long id, int version, RegistryValidator.ValidHousehold h, RegionScope scope) {
        return jdbc.sql("""
                update household set village_code = :v, category = :c, address = :a, phone = :p,
                       version = version + 1, updated_at = now()
                where id = :id and version = :version and village_code like :scope
                """)
                .param("v", h.villageCode())
                .param("c", h.category().name())
                .param("a", h.address())
                .param("p", h.phone() == null ? null : h.phone().value())
                .param("id", id)
                .param("version", version)
                .param("scope", scope.likePattern())
                .update();
    }

    void touchHousehold(long id) {
        jdbc.sql("update household set version = version + 1, updated_at = now() where id = :id")
                .param("id", id)
                .update();
    }

    int deleteHousehold(long id, RegionScope scope) {
        jdbc.sql(
                        "delete from person where household_id = (select id from household where id = :id and village_code like :scope)")
                .param("id", id)
                .param("scope", scope.likePattern())
                .update();
        return jdbc.sql("delete from household where id = :id and village_code like :scope")
                .param("id", id)
                .param("scope", scope.likePattern())
                .update();
    }

    long insertPerson(long householdId, RegistryValidator.ValidPerson p) {
        return jdbc.sql("""
                insert into person (household_id, id_number, name, sex, birth_date, relation, education, health,
                    disability, labour_capacity, employment, employment_place, employment_months, schooling,
                    medical_insured, pension_insured)
                values (:hh, :idn, :name, :sex, :birth, :rel, :edu, :health, :dis, :lab, :emp, :place, :months,
                    :school, :med, :pen) returning id
                """)
                .param("hh", householdId)
                .params(personParams(p))
                .query(Long.class)
                .single();
    }

    int updatePerson(long id, int version, RegistryValidator.ValidPerson p) {
        return jdbc.sql("""
                update person set id_number = :idn, name = :name, sex = :sex, birth_date = :birth, relation = :rel,
                    education = :edu, health = :health, disability = :dis, labour_capacity = :lab, employment = :emp,
                    employment_place = :place, employment_months = :months, schooling = :school,
                    medical_insured = :med, pension_insured = :pen, version = version + 1
                where id = :id and version = :version
                """)
                .params(personParams(p))
                .param("id", id)
                .param("version", version)
                .update();
    }

    int deletePerson(long id) {
        return jdbc.sql("delete from person where id = :id").param("id", id).update();
    }

    private static Map<String, Object> personParams(RegistryValidator.ValidPerson p) {
        Map<String, Object> m = new HashMap<>();
        m.put("idn", p.idNumber().value());
        m.put("name", p.name());
        m.put("sex", p.sex().name());
        m.put("birth", p.birthDate());
        m.put("rel", p.relation().name());
        m.put("edu", name(p.education()));
        m.put("health", name(p.health()));
        m.put("dis", p.disability().name());
        m.put("lab", name(p.labourCapacity()));
        m.put("emp", name(p.employment()));
        m.put("place", name(p.employmentPlace()));
        m.put("months", p.employmentMonths());
        m.put("school", name(p.schooling()));
        m.put("med", p.medicalInsured());
        m.put("pen", p.pensionInsured());
        return m;
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    static final RowMapper<Household> HOUSEHOLD = (rs, n) -> new Household(
            rs.getLong("id"),
            rs.getString("household_number"),
            rs.getString("village_code"),
            HouseholdCategory.valueOf(rs.getString("category")),
            rs.getString("address"),
            rs.getString("phone"),
            rs.getInt("version"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant());

    static final RowMapper<Person> PERSON = (rs, n) -> new Person(
            rs.getLong("id"),
            rs.getLong("household_id"),
            rs.getString("id_number"),
            rs.getString("name"),
            Sex.valueOf(rs.getString("sex")),
            rs.getObject("birth_date", LocalDate.class),
            Relation.valueOf(rs.getString("relation")),
            value(rs, "education", Education.class),
            value(rs, "health", Health.class),
            value(rs, "disability", Disability.class),
            value(rs, "labour_capacity", LabourCapacity.class),
            value(rs, "employment", Employment.class),
            value(rs, "employment_place", EmploymentPlace.class),
            (Integer) rs.getObject("employment_months"),
            value(rs, "schooling", Schooling.class),
            rs.getBoolean("medical_insured"),
            rs.getBoolean("pension_insured"),
            rs.getInt("version"));

    private static <E extends Enum<E>> E value(ResultSet rs, String column, Class<E> type) throws SQLException {
        String v = rs.getString(column);
        return v == null ? null : Enum.valueOf(type, v);
    }
}
