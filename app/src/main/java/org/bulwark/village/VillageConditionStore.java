package org.bulwark.village;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of village conditions. Callers check scope; this class only reads and writes what it is given. */
@Repository
class VillageConditionStore {

    /** One stored value with its entry. */
    record Stored(String indicator, BigDecimal value, String enteredBy, Instant enteredAt) {}

    /** One value to write for a village and year. */
    record Write(String villageCode, int year, String indicator, BigDecimal value) {}

    private final JdbcClient jdbc;

    VillageConditionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The values of a village in a year, by indicator. */
    Map<String, Stored> values(String villageCode, int year) {
        Map<String, Stored> values = new LinkedHashMap<>();
        jdbc.sql("""
                select indicator, value, entered_by, entered_at from village_condition
                where village_code = :v and year = :y order by indicator
                """)
                .param("v", villageCode)
                .param("y", year)
                .query((rs, n) -> values.put(
                        rs.getString(1),
                        new Stored(
                                rs.getString(1),
                                rs.getBigDecimal(2),
                                rs.getString(3),
                                rs.getTimestamp(4).toInstant())))
                .list();
        return values;
    }

    /** The latest year with values for the village, up to {@code year} (inclusive). */
    Optional<Integer> latestYear(String villageCode, int year) {
        return jdbc.sql("""
                select year from village_condition where village_code = :v and year <= :y
                order by year desc limit 1
                """)
                .param("v", villageCode)
                .param("y", year)
                .query(Integer.class)
                .optional();
    }

    /** The id of the village's first value of the year: the id the audit log names the village's year by. */
    long firstId(String villageCode, int year) {
        return jdbc.sql("select min(id) from village_condition where village_code = :v and year = :y")
                .param("v", villageCode)
                .param("y", year)
                .query(Long.class)
                .single();
    }

    /** The years with values for the village, newest first. */
    List<Integer> years(String villageCode) {
        return jdbc.sql("select distinct year from village_condition where village_code = :v order by year desc")
                .param("v", villageCode)
                .query(Integer.class)
                .list();
    }

    /**
     * Inserts or replaces values; a value written again unchanged keeps who entered it first. One statement for a
     * whole file's values.
     */
    void write(List<Write> writes, String enteredBy, Instant at) {
        if (writes.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into village_condition (village_code, year, indicator, value, entered_by, entered_at)
                select v, y, i, x, :by, :at
                from unnest(cast(:v as varchar[]), cast(:y as int[]), cast(:i as varchar[]), cast(:x as numeric[]))
                     as w(v, y, i, x)
                on conflict (village_code, year, indicator) do update
                    set value = excluded.value, entered_by = excluded.entered_by, entered_at = excluded.entered_at
                    where village_condition.value <> excluded.value
                """)
                .param("v", writes.stream().map(Write::villageCode).toArray(String[]::new))
                .param("y", writes.stream().map(Write::year).toArray(Integer[]::new))
                .param("i", writes.stream().map(Write::indicator).toArray(String[]::new))
                .param("x", writes.stream().map(Write::value).toArray(BigDecimal[]::new))
                .param("by", enteredBy)
                .param("at", Timestamp.from(at))
                .update();
    }
}
