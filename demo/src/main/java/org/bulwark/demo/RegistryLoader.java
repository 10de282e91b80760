package org.bulwark.demo;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.bulwark.audit.AuditAction;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.core.csv.CsvStyles;
import org.bulwark.core.generate.GeneratedHousehold;
import org.bulwark.core.generate.GeneratedIncome;
import org.bulwark.core.generate.GeneratedPerson;
import org.bulwark.core.income.IncomeAccount;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk loading of generated households (the demo data and benchmark registries) through PostgreSQL's COPY, in one
 * transaction: all of it lands or none. Ids are assigned here under a table lock so persons can point at households.
 * This is a system task: it is audited as one GENERATE entry, not one per row.
 */
@Service
public class RegistryLoader {

    private static final int CHUNK = 5_000;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    RegistryLoader(DataSource dataSource, JdbcClient jdbc, AuditLog audit) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Result of a load. */
    public record LoadResult(int households, int persons, int incomes) {}

    /** Loads the households; {@code also} sees each one (to write CSV files alongside, for example). */
    @Transactional
    public LoadResult load(
            Iterator<GeneratedHousehold> generated, String countyCode, Consumer<GeneratedHousehold> also) {
        jdbc.sql("lock table household in exclusive mode").update();
        // the screening registry change log (V23) notes "every household" once instead of each one
        jdbc.sql("select screening_registry_bulk_load(true)").query().singleRow();
        Rows rows = new Rows(
                jdbc.sql("select coalesce(max(id), 0) + 1 from household")
                        .query(Long.class)
                        .single(),
                jdbc.sql("select coalesce(max(id), 0) + 1 from person")
                        .query(Long.class)
                        .single());
        Map<String, Integer> lastSerial = lastSerials(countyCode);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            int inChunk = 0;
            while (generated.hasNext()) {
                GeneratedHousehold h = renumbered(generated.next(), lastSerial);
                also.accept(h);
                rows.add(h);
                if (++inChunk == CHUNK) {
                    flush(copy, rows.hh, rows.pp, rows.ii);
                    inChunk = 0;
                }
            }
            flush(copy, rows.hh, rows.pp, rows.ii);
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("person_id_number_unique")) {
                throw new IllegalArgumentException(
                        "a generated identity number is already registered in this "
                                + "database (generated earlier with another seed?); nothing was stored: "
                                + e.getMessage(),
                        e);
            }
            throw new IllegalStateException("bulk load failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        return finish(countyCode, new LoadResult(rows.households, rows.persons, rows.incomes));
    }

    /**
     * The last household serial of each village of the county: generated numbers restart at 0001 in each village,
     * and continue after the numbers already there.
     */
    private Map<String, Integer> lastSerials(String countyCode) {
        Map<String, Integer> lastSerial = new HashMap<>();
        jdbc.sql("""
                select village_code, max(substr(household_number, 13)::int) from household
                where length(household_number) = 16 and household_number like :county and household_number ~ '^[0-9]+$'
                group by village_code
                """)
                .param("county", (countyCode == null ? "" : countyCode) + "%")
                .query((rs, n) -> lastSerial.put(rs.getString(1), rs.getInt(2)))
                .list();
        return lastSerial;
    }

    /** The COPY rows of the households, persons and incomes not yet sent, with the next ids and what was added. */
    private static final class Rows {
        final StringBuilder hh = new StringBuilder();
        final StringBuilder pp = new StringBuilder();
        final StringBuilder ii = new StringBuilder();
        long nextHousehold;
        long nextPerson;
        int households;
        int persons;
        int incomes;

        Rows(long nextHousehold, long nextPerson) {
            this.nextHousehold = nextHousehold;
            this.nextPerson = nextPerson;
        }

        void add(GeneratedHousehold h) {
            long householdId = nextHousehold++;
            row(
                    hh,
                    householdId,
                    h.householdNumber(),
                    h.villageCode(),
                    h.category().name(),
                    h.address(),
                    h.phone());
            for (GeneratedPerson p : h.members()) {
                row(
                        pp,
                        nextPerson++,
                        householdId,
                        p.idNumber(),
                        p.name(),
                        p.sex().name(),
                        p.birthDate(),
                        p.relation().name(),
                        name(p.education()),
                        name(p.health()),
                        p.disability().name(),
                        name(p.labourCapacity()),
                        name(p.employment()),
                        name(p.employmentPlace()),
                        p.employmentMonths(),
                        name(p.schooling()),
                        p.medicalInsured(),
                        p.pensionInsured());
                persons++;
            }
            int members = h.members().size();
            for (GeneratedIncome i : h.incomes()) {
                IncomeAccount account =
                        new IncomeAccount(i.wage(), i.operating(), i.property(), i.transfer(), i.productionCost());
                row(
                        ii,
                        householdId,
                        i.year(),
                        i.wage(),
                        i.operating(),
                        i.property(),
                        i.transfer(),
                        i.productionCost(),
                        account.netIncome(),
                        members,
                        account.perCapita(members));
                incomes++;
            }
            households++;
        }
    }

    /** Moves the id sequences past the ids given, ends the bulk load and audits it. */
    private LoadResult finish(String countyCode, LoadResult result) {
        jdbc.sql("select setval('household_id_seq', greatest((select max(id) from household), 1))")
                .query()
                .singleRow();
        jdbc.sql("select setval('person_id_seq', greatest((select max(id) from person), 1))")
                .query()
                .singleRow();
        jdbc.sql("select screening_registry_bulk_load(false)").query().singleRow();
        audit.record(new AuditRecord(
                AuditAction.GENERATE,
                "household",
                null,
                padCounty(countyCode),
                "generated " + result.households() + " households, " + result.persons() + " persons, "
                        + result.incomes() + " income records",
                null,
                result));
        return result;
    }

    private static GeneratedHousehold renumbered(GeneratedHousehold h, Map<String, Integer> lastSerial) {
        if (lastSerial.isEmpty()) {
            return h;
        }
        int serial = lastSerial.merge(h.villageCode(), 1, Integer::sum);
        if (serial > 9999) {
            throw new IllegalStateException("village " + h.villageCode() + " has no household numbers left");
        }
        return new GeneratedHousehold(
                h.villageCode() + String.format("%04d", serial),
                h.villageCode(),
                h.category(),
                h.address(),
                h.phone(),
                h.members(),
                h.incomes());
    }

    private static String padCounty(String countyCode) {
        return countyCode == null ? null : (countyCode + "000000000000").substring(0, 12);
    }

    private static void flush(CopyManager copy, StringBuilder hh, StringBuilder pp, StringBuilder ii)
            throws SQLException, IOException {
        if (hh.length() > 0) {
            copy.copyIn(
                    "copy household (id, household_number, village_code, category, address, phone) "
                            + "from stdin with (format csv)",
                    new StringReader(hh.toString()));
        }
        if (pp.length() > 0) {
            copy.copyIn(
                    "copy person (id, household_id, id_number, name, sex, birth_date, relation, education, health, "
                            + "disability, labour_capacity, employment, employment_place, employment_months, schooling, "
                            + "medical_insured, pension_insured) from stdin with (format csv)",
                    new StringReader(pp.toString()));
        }
        if (ii.length() > 0) {
            copy.copyIn(
                    "copy household_income (household_id, year, wage, operating, property, transfer, "
                            + "production_cost, net_income, members, per_capita) from stdin with (format csv)",
                    new StringReader(ii.toString()));
        }
        hh.setLength(0);
        pp.setLength(0);
        ii.setLength(0);
    }

    private static void row(StringBuilder out, Object... values) {
        // PostgreSQL's CSV dialect: nulls are empty unquoted fields, so COPY reads them back as NULL
        CsvStyles.postgresRow(out, values);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
