package org.bulwark.bench;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small generated county shared by the bench tests: Zeku (632323), which no other test touches, filled once per
 * database by the province loader with its households and department records.
 */
public final class GeneratedCounty {

    public static final String COUNTY = "632323";
    public static final int HOUSEHOLDS = 300;
    public static final long SEED = 11;
    public static final double RECORDS_PER_PERSON = 3.9;

    private GeneratedCounty() {}

    /** Loads the county unless it is there already; returns the as-of day its feeds were generated for. */
    public static synchronized LocalDate ensureLoaded(ProvinceLoader loader, JdbcClient jdbc, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        long present = jdbc.sql("select count(*) from household where village_code like :c")
                .param("c", COUNTY + "%")
                .query(Long.class)
                .single();
        if (present == 0) {
            loader.load(new ProvinceLoader.Plan(COUNTY, HOUSEHOLDS, SEED, RECORDS_PER_PERSON, today), line -> {});
            addIndustrySnapshots(jdbc, today);
        }
        return today;
    }

    /**
     * The generator writes department feeds only; the industry module's yearly benefit snapshots (IND-02) are the
     * platform's own records, so a few are added here, one of each case the rule tells apart: a failed project, a
     * project that paid nothing, one that paid, a failure last year, a failure put right later in the year, a failure
     * in next year's snapshot.
     */
    private static void addIndustrySnapshots(JdbcClient jdbc, LocalDate today) {
        List<Long> households = jdbc.sql("select id from household where village_code like :c order by id limit 6")
                .param("c", COUNTY + "%")
                .query(Long.class)
                .list();
        LocalDate thisYear = today.withDayOfYear(1);
        snapshot(jdbc, 2, households.get(0), thisYear, 2, 1, "0");
        snapshot(jdbc, 3, households.get(1), thisYear, 2, 0, "0");
        snapshot(jdbc, 4, households.get(2), thisYear, 2, 0, "800.00");
        snapshot(jdbc, 5, households.get(3), thisYear.minusYears(1), 1, 1, "0");
        snapshot(jdbc, 6, households.get(4), thisYear, 1, 1, "0");
        snapshot(jdbc, 7, households.get(4), thisYear, 1, 0, "1200.00");
        snapshot(jdbc, 8, households.get(5), thisYear.plusYears(1), 1, 1, "0");
    }

    private static void snapshot(
            JdbcClient jdbc, int row, long household, LocalDate year, int projects, int failed, String leastReceived) {
        jdbc.sql("""
                        insert into department_record (batch_id, source_row, category, household_number, village_code,
                            household_id, region_code, record_date, amount, fields, row_hash)
                        select b.id, :row, 'industry_benefit', h.household_number, h.village_code, h.id, h.village_code,
                            :year, :least, d.fields, sha256(convert_to(d.fields, 'UTF8'))
                        from household h
                        join exchange_batch b on b.category = 'industry_benefit' and b.region_code = :region
                        cross join lateral (select json_build_object('household_number', h.household_number,
                            'year_start', :year, 'projects', :projects, 'failed_projects', :failed,
                            'least_received', :least, 'received', :least)::text as fields) d
                        where h.id = :household
                        """)
                .param("row", row)
                .param("year", year)
                .param("least", new BigDecimal(leastReceived))
                .param("projects", projects)
                .param("failed", failed)
                .param("household", household)
                .param("region", COUNTY + "000000")
                .update();
    }
}
