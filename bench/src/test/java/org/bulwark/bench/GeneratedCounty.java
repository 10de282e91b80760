package org.bulwark.bench;

import java.time.Clock;
import java.time.LocalDate;
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
        }
        return today;
    }
}
