package org.bulwark.income;

import java.util.List;
import org.bulwark.statistics.ReportingYears;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The years with income records, newest first: the programme's reporting years, the same for everyone, so the scope
 * does not narrow them.
 */
@Repository
class IncomeYears implements ReportingYears {

    private final JdbcClient jdbc;

    IncomeYears(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One index probe per year (a loose index scan). */
    @Override
    public List<Integer> newestFirst() {
        return jdbc.sql("""
                with recursive years (year) as (
                    (select year from household_income order by year desc limit 1)
                    union all
                    select (select i.year from household_income i where i.year < years.year
                            order by i.year desc limit 1)
                    from years where years.year is not null)
                select year from years where year is not null
                """).query(Integer.class).list();
    }
}
