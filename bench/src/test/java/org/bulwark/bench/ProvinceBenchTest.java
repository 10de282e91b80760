package org.bulwark.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bulwark.DatabaseTest;
import org.bulwark.demo.RegistryGeneration;
import org.bulwark.exchange.Batch;
import org.bulwark.exchange.DepartmentDataImport;
import org.bulwark.exchange.FileFormat;
import org.bulwark.exchange.ImportRequest;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.screening.RuleBook;
import org.bulwark.screening.RunReport;
import org.bulwark.screening.ScreeningRuns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The province benchmark's two references hold: the loader stores exactly the records the exchange import stores
 * for the same feeds, and the rules written as SQL flag exactly the (household, rule, level) triples the platform's
 * screening flags, on a small generated county.
 */
@DatabaseTest
class ProvinceBenchTest {

    @Autowired
    ProvinceLoader loader;

    @Autowired
    SqlScreening sql;

    @Autowired
    TypedScreening typed;

    @Autowired
    ScreeningRuns runs;

    @Autowired
    RuleBook ruleBook;

    @Autowired
    RegistryGeneration generation;

    @Autowired
    DepartmentDataImport imports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    OnboardingBench onboarding;

    @Autowired
    RegistryOnboarding registryOnboarding;

    @TempDir
    Path temp;

    LocalDate asOf;

    @BeforeEach
    void loadCounty() {
        asOf = GeneratedCounty.ensureLoaded(loader, jdbc, clock);
    }

    @Test
    void sqlFlagsTheSameWarningsAsThePlatform() {
        SqlScreening.Outcome reference = sql.run(ruleBook.active(), GeneratedCounty.COUNTY, asOf);
        RunReport report;
        try (var user = CurrentUser.actAs(
                BulwarkUser.system("bench-test", Role.PROVINCE_ADMIN, GeneratedCounty.COUNTY + "000000"))) {
            report = runs.full(GeneratedCounty.COUNTY, asOf);
        }
        Set<String> expected = reference.hits();
        // with the data unchanged, the open warnings of the county are exactly the hits of a full run
        Set<String> actual = openWarnings();
        assertThat(report.hits()).isEqualTo(reference.hits().size());
        assertThat(actual).isEqualTo(expected);
        // the county trips most rules, unregistered residents included, so the comparison means something
        assertThat(reference.rules()).hasSizeGreaterThanOrEqualTo(12).contains("IND-02");
        assertThat(reference.unregisteredHits()).isTrue();
    }

    @Test
    void typedPeersFlagTheSameWarningsAsThePlatform() {
        SqlScreening.Outcome postgres;
        SqlScreening.Outcome duckdb;
        try {
            TypedScreening.Build build = typed.buildPostgres(GeneratedCounty.COUNTY);
            assertThat(build.rows()).isPositive();
            postgres = typed.runPostgres(ruleBook.active(), GeneratedCounty.COUNTY, asOf);
            try (TypedScreening.DuckDb duck = typed.loadDuckDb(temp.resolve("duckdb"), 2, "1GB")) {
                duckdb = duck.run(ruleBook.active(), GeneratedCounty.COUNTY, asOf);
            }
        } finally {
            typed.dropPostgres();
        }
        try (var user = CurrentUser.actAs(
                BulwarkUser.system("bench-test", Role.PROVINCE_ADMIN, GeneratedCounty.COUNTY + "000000"))) {
            runs.full(GeneratedCounty.COUNTY, asOf);
        }
        Set<String> flagged = openWarnings();
        assertThat(postgres.hits()).isEqualTo(flagged);
        assertThat(duckdb.hits()).isEqualTo(flagged);
        assertThat(duckdb.rules()).hasSizeGreaterThanOrEqualTo(12).contains("IND-02");
        assertThat(duckdb.unregisteredHits()).isTrue();
        // the bench's schema is gone with the run: nothing is added to the platform's
        assertThat(jdbc.sql("select count(*) from pg_namespace where nspname = 'bench_typed'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void onboardedHouseholdsAreScreenedByTheNextFullRunAndNothingElseIsNew() {
        long householdsBefore = countyHouseholds();
        OnboardingBench.Outcome outcome;
        Set<String> openBefore;
        try (var user = CurrentUser.actAs(
                BulwarkUser.system("bench-test", Role.PROVINCE_ADMIN, GeneratedCounty.COUNTY + "000000"))) {
            runs.full(GeneratedCounty.COUNTY, asOf);
            openBefore = openWarnings();
            outcome = onboarding.run(GeneratedCounty.COUNTY, GeneratedCounty.COUNTY, 200, 77, asOf, System.out);
        }
        List<Long> imported = outcome.imported().householdIds();
        Long[] ids = imported.toArray(Long[]::new);
        assertThat(imported).hasSize(200).doesNotHaveDuplicates();
        assertThat(countyHouseholds()).isEqualTo(householdsBefore + 200);
        // every new household stored with its members and incomes, numbered in its own village past the old serials
        assertThat(count("select count(*) from person where household_id = any(:ids)", ids))
                .isEqualTo(outcome.imported().persons())
                .isGreaterThan(200);
        assertThat(count("select count(*) from household_income where household_id = any(:ids)", ids))
                .isEqualTo(outcome.imported().incomes())
                .isPositive();
        assertThat(count("""
                        select count(*) from household h where h.id = any(:ids)
                          and h.household_number like h.village_code || '____'
                          and h.household_number > all (select o.household_number from household o
                                                        where o.village_code = h.village_code and o.id <> all(:ids))
                        """, ids)).isEqualTo(200);
        // the next run screened them, raised their hits as new warnings, and nothing else changed
        assertThat(outcome.next().households()).isEqualTo(outcome.before().households() + 200);
        long onImported = count("select count(*) from warning where status = 'OPEN' and household_id = any(:ids)", ids);
        assertThat(onImported).isPositive().isEqualTo(outcome.next().warningsRaised());
        Set<String> openAfter = openWarnings();
        Set<String> added = new HashSet<>(openAfter);
        added.removeAll(openBefore);
        assertThat(openAfter).containsAll(openBefore);
        assertThat(added).hasSize((int) onImported);
        assertThat(outcome.after().warningsRaised()).isZero();
        assertThat(outcome.after().hits()).isEqualTo(outcome.next().hits());
        assertThat(outcome.consistent()).isTrue();
        // and the rules as SQL over the stored data flag exactly the open warnings, the new households' included
        assertThat(sql.run(ruleBook.active(), GeneratedCounty.COUNTY, asOf).hits())
                .isEqualTo(openAfter);
        // the same seed again generates the same persons: every identity number is stored now, so each is issued anew
        RegistryOnboarding.Imported again = registryOnboarding.onboard(GeneratedCounty.COUNTY, 200, 77, asOf);
        assertThat(again.reissued())
                .isEqualTo(again.persons())
                .isEqualTo(outcome.imported().persons());
        assertThat(countyHouseholds()).isEqualTo(householdsBefore + 400);
    }

    private long countyHouseholds() {
        return jdbc.sql("select count(*) from household where village_code like :c")
                .param("c", GeneratedCounty.COUNTY + "%")
                .query(Long.class)
                .single();
    }

    private long count(String query, Long[] ids) {
        return jdbc.sql(query).param("ids", ids).query(Long.class).single();
    }

    /** The county's open warnings, keyed as the peers' hits are. */
    private Set<String> openWarnings() {
        return new HashSet<>(jdbc.sql("select household_id, id_number, rule_id, level from warning "
                        + "where status = 'OPEN' and village_code like :c")
                .param("c", GeneratedCounty.COUNTY + "%")
                .query((rs, n) -> SqlScreening.key(
                        rs.getObject(1, Long.class), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list());
    }

    @Test
    void loaderStoresTheRecordsTheImportStores() throws Exception {
        Path feeds = temp.resolve("feeds");
        generation.writeFeeds(
                GeneratedCounty.COUNTY,
                GeneratedCounty.HOUSEHOLDS,
                ProvinceLoader.countySeed(GeneratedCounty.SEED, GeneratedCounty.COUNTY),
                GeneratedCounty.COUNTY,
                GeneratedCounty.RECORDS_PER_PERSON,
                feeds);
        for (String category : List.of("medical_settlement", "drinking_water", "housing_safety", "school_status")) {
            List<String> loaded = stored(category, "province-loader");
            assertThat(loaded).isNotEmpty();
            // import the same feed in a transaction that is rolled back, in place of the loader's rows
            List<String> imported = transactions.execute(status -> {
                status.setRollbackOnly();
                jdbc.sql("""
                        delete from department_record where category = :c and region_code like :r
                          and batch_id in (select id from exchange_batch where uploaded_by = 'province-loader')
                        """)
                        .param("c", category)
                        .param("r", GeneratedCounty.COUNTY + "%")
                        .update();
                try (var user = CurrentUser.actAs(
                        BulwarkUser.system("bench-import", Role.PROVINCE_ADMIN, GeneratedCounty.COUNTY + "000000"))) {
                    Path file = feeds.resolve(category + ".csv");
                    Batch batch = imports.run(
                            new ImportRequest(category, file, file.getFileName().toString(), FileFormat.CSV, false));
                    assertThat(batch.rowsRejected()).isZero();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return stored(category, "bench-import");
            });
            assertThat(imported).as(category).isEqualTo(loaded);
        }
    }

    /** The county's records of a category stored by a user, every column but the id, batch and time of storing. */
    private List<String> stored(String category, String storedBy) {
        return jdbc.sql("""
                select concat_ws('|', source_row, category, id_number, household_number, village_code, person_id,
                                 household_id, region_code, record_date, amount, fields::text, row_hash)
                from department_record where category = :c and region_code like :r
                  and batch_id in (select id from exchange_batch where uploaded_by = :u)
                order by source_row, row_hash
                """)
                .param("c", category)
                .param("r", GeneratedCounty.COUNTY + "%")
                .param("u", storedBy)
                .query(String.class)
                .list();
    }
}
