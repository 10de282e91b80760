package org.bulwark.registry;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.bulwark.identity.RegionScope;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry for bulk imports (a county's registry file): what the registry holds for the importer's region, read
 * in one pass, and the file's households stored with a few set-based statements through COPY. The caller checks
 * permission and scope and audits the import as one action; every statement here keeps to the scope it is given.
 */
@Service
public class RegistryBulk {

    private static final int CHUNK_CHARS = 4 << 20;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final HouseholdRepository households;

    RegistryBulk(JdbcClient jdbc, DataSource dataSource, HouseholdRepository households) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.households = households;
    }

    /** A household's number and its head's identity number (null without a head), as an import names households. */
    public record Head(long householdId, String householdNumber, String villageCode, String headIdNumber) {}

    /**
     * The number and head of each of the given households that lies in the scope; the others are left out. For an
     * export of a few households (a county's monitoring roster) without reading the whole registry of the scope.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<Long, Head> heads(RegionScope scope, Collection<Long> householdIds) {
        Map<Long, Head> heads = new HashMap<>();
        jdbc.sql("""
                        select h.id, h.household_number, h.village_code,
                               (select p.id_number from person p where p.household_id = h.id and p.relation = 'HEAD'
                                order by p.id limit 1) as head_id_number
                        from household h where h.id = any(:ids) and h.village_code like :scope
                        """)
                .param("ids", householdIds.toArray(Long[]::new))
                .param("scope", scope.likePattern())
                .query((rs, n) -> new Head(
                        rs.getLong("id"),
                        rs.getString("household_number"),
                        rs.getString("village_code"),
                        rs.getString("head_id_number")))
                .list()
                .forEach(h -> heads.put(h.householdId(), h));
        return heads;
    }

    /**
     * What the registry holds that a file can match.
     *
     * @param households     the scope's households by number
     * @param persons        the members of those households by identity number
     * @param heldElsewhere  those of the asked identity numbers that belong to a household outside the scope
     * @param numbersElsewhere those of the asked household numbers that a household outside the scope has
     */
    public record Holdings(
            Map<String, Household> households,
            Map<String, Person> persons,
            Set<String> heldElsewhere,
            Set<String> numbersElsewhere) {

        /** The household, by id, of one of the scope's persons. */
        public Household householdOf(Person person) {
            return byId().get(person.householdId());
        }

        private Map<Long, Household> byId() {
            Map<Long, Household> map = new HashMap<>();
            households.values().forEach(h -> map.put(h.id(), h));
            return map;
        }
    }

    /** The scope's households and persons, and which of the given numbers are held outside it. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Holdings holdings(RegionScope scope, Collection<String> idNumbers, Collection<String> householdNumbers) {
        // sized for the file's numbers, about what a county importing its own file holds: a map of a million persons
        // grown step by step rehashes every entry many times over
        Map<String, Household> byNumber = new HashMap<>(capacity(householdNumbers.size()));
        jdbc
                .sql("select * from household where village_code like :scope")
                .param("scope", scope.likePattern())
                .query(HouseholdRepository.HOUSEHOLD)
                .stream()
                .forEach(h -> byNumber.put(h.householdNumber(), h));
        Map<String, Person> persons = new HashMap<>(capacity(idNumbers.size()));
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            PersonCopyReader.read(connection, scope, persons);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the registry's persons failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        // identity and household numbers are unique, so those the scope holds are held nowhere else: only the others
        // are looked for outside it (none, when a county imports its own file again)
        String[] outsideIds =
                idNumbers.stream().filter(n -> !persons.containsKey(n)).toArray(String[]::new);
        Set<String> elsewhere = outsideIds.length == 0
                ? new HashSet<>()
                : new HashSet<>(jdbc.sql("""
                                select p.id_number from person p join household h on h.id = p.household_id
                                where p.id_number = any(:ids) and h.village_code not like :scope
                                """)
                        .param("ids", outsideIds)
                        .param("scope", scope.likePattern())
                        .query(String.class)
                        .list());
        String[] outsideNumbers =
                householdNumbers.stream().filter(n -> !byNumber.containsKey(n)).toArray(String[]::new);
        Set<String> numbers = outsideNumbers.length == 0
                ? new HashSet<>()
                : new HashSet<>(jdbc.sql(
                                "select household_number from household where household_number = any(:n) and village_code not like :scope")
                        .param("n", outsideNumbers)
                        .param("scope", scope.likePattern())
                        .query(String.class)
                        .list());
        return new Holdings(byNumber, persons, elsewhere, numbers);
    }

    private static int capacity(int entries) {
        return (int) Math.min(1 << 30, entries * 4L / 3 + 16);
    }

    /**
     * Stores the households: new ones and new members inserted, changed ones updated (their version counted up),
     * members moved between households of the scope. In the caller's transaction, so it is whole or nothing.
     *
     * @return the ids of the households written, in the order given
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> store(RegionScope scope, List<ImportedHousehold> written) {
        return store(scope, written, households -> {});
    }

    /** What a store tells as it goes: the households sent so far, then each set-based step as it begins. */
    @FunctionalInterface
    public interface StoreProgress {
        void sent(long households);

        /** A step of the store, in Chinese (写入户, 写入人员). */
        default void step(String step) {}
    }

    /** {@link #store(RegionScope, List)}, telling {@code progress} how far it is. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> store(RegionScope scope, List<ImportedHousehold> written, StoreProgress progress) {
        List<Long> ids = allocate("household_id_seq", (int)
                written.stream().filter(h -> h.id() == null).count());
        long personsNew = written.stream()
                .flatMap(h -> h.persons().stream())
                .filter(p -> p.id() == null)
                .count();
        List<Long> personIds = allocate("person_id_seq", (int) personsNew);
        List<Long> result = new ArrayList<>(written.size());
        try {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            createTables();
            Chunks chunks = new Chunks(copy);
            int nextHousehold = 0;
            int nextPerson = 0;
            for (ImportedHousehold h : written) {
                if (!scope.covers(h.villageCode())) {
                    throw new IllegalArgumentException("household " + h.householdNumber() + " is outside the scope");
                }
                boolean isNew = h.id() == null;
                long id = isNew ? ids.get(nextHousehold++) : h.id();
                result.add(id);
                if (isNew || h.changed()) {
                    CopyRows.row(
                            chunks.households,
                            id,
                            isNew,
                            h.householdNumber(),
                            h.villageCode(),
                            h.category().name(),
                            h.address(),
                            h.phone());
                }
                for (ImportedPerson p : h.persons()) {
                    boolean personNew = p.id() == null;
                    CopyRows.person(chunks.persons, personNew ? personIds.get(nextPerson++) : p.id(), personNew, id, p);
                }
                if (chunks.flushIfFull()) {
                    progress.sent(result.size());
                }
            }
            chunks.flush();
            progress.sent(result.size());
            analyzeTables();
        } catch (SQLException e) {
            throw new IllegalStateException("storing the imported households failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        progress.step("写入户");
        writeHouseholds();
        progress.step("写入人员");
        writePersons(scope);
        return result;
    }

    /** The COPY text not yet sent, sent in chunks so that a million persons never sit in one string. */
    private static final class Chunks {
        final StringBuilder households = new StringBuilder();
        final StringBuilder persons = new StringBuilder();
        private final CopyManager copy;

        Chunks(CopyManager copy) {
            this.copy = copy;
        }

        boolean flushIfFull() throws SQLException, IOException {
            if (persons.length() > CHUNK_CHARS || households.length() > CHUNK_CHARS) {
                flush();
                return true;
            }
            return false;
        }

        void flush() throws SQLException, IOException {
            if (!households.isEmpty()) {
                copy.copyIn("copy import_household from stdin", new StringReader(households.toString()));
                households.setLength(0);
            }
            if (!persons.isEmpty()) {
                copy.copyIn("copy import_person from stdin", new StringReader(persons.toString()));
                persons.setLength(0);
            }
        }
    }

    private void createTables() {
        jdbc.sql("""
                create temp table import_household (id bigint, is_new boolean, household_number text,
                    village_code text, category text, address text, phone text) on commit drop
                """).update();
        jdbc.sql("""
                create temp table import_person (id bigint, is_new boolean, household_id bigint, id_number text,
                    name text, sex text, birth_date date, relation text, education text, health text, disability text,
                    labour_capacity text, employment text, employment_place text, employment_months int,
                    schooling text, medical_insured boolean, pension_insured boolean) on commit drop
                """).update();
    }

    /** The planner knows the temporary tables' sizes only once they are analyzed (autovacuum never sees them). */
    private void analyzeTables() {
        jdbc.sql("analyze import_household").update();
        jdbc.sql("analyze import_person").update();
    }

    private List<Long> allocate(String sequence, int count) {
        if (count == 0) {
            return List.of();
        }
        return jdbc.sql("select nextval('" + sequence + "') from generate_series(1, :n)")
                .param("n", count)
                .query(Long.class)
                .list();
    }

    private void writeHouseholds() {
        jdbc.sql("""
                insert into household (id, household_number, village_code, category, address, phone)
                select id, household_number, village_code, category, address, phone from import_household where is_new
                """).update();
        jdbc.sql("""
                update household h set village_code = i.village_code, category = i.category, address = i.address,
                       phone = i.phone, version = h.version + 1, updated_at = now()
                from import_household i where h.id = i.id and not i.is_new
                """).update();
    }

    private void writePersons(RegionScope scope) {
        String columns = "household_id, id_number, name, sex, birth_date, relation, education, health, disability, "
                + "labour_capacity, employment, employment_place, employment_months, schooling, medical_insured, "
                + "pension_insured";
        jdbc.sql("insert into person (id, " + columns + ") select id, " + columns + " from import_person where is_new")
                .update();
        jdbc.sql("""
                update person p set household_id = i.household_id, name = i.name, sex = i.sex,
                       birth_date = i.birth_date, relation = i.relation, education = i.education, health = i.health,
                       disability = i.disability, labour_capacity = i.labour_capacity, employment = i.employment,
                       employment_place = i.employment_place, employment_months = i.employment_months,
                       schooling = i.schooling, medical_insured = i.medical_insured,
                       pension_insured = i.pension_insured, version = p.version + 1
                from import_person i
                where p.id = i.id and not i.is_new
                  and p.household_id in (select id from household where village_code like :scope)
                """).param("scope", scope.likePattern()).update();
        // a household whose members alone changed counts as changed too; those written above are not counted twice.
        // NOT EXISTS, not NOT IN: past work_mem, NOT IN over a subquery is a plain subplan read again for every
        // household, quadratic in a county's households, where NOT EXISTS is one anti-join
        jdbc.sql("""
                update household h set version = h.version + 1, updated_at = now()
                where exists (select from import_person i where i.household_id = h.id)
                  and not exists (select from import_household i where i.id = h.id)
                """).update();
        jdbc.sql("drop table import_person").update();
        jdbc.sql("drop table import_household").update();
    }
}
