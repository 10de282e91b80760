package org.bulwark.industry;

import java.util.List;
import java.util.Optional;
import org.bulwark.core.industry.CollectiveIncomeSource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Village collective incomes' SQL; every read and write carries the scope's prefix. */
@Repository
class CollectiveIncomeRepository {

    private static final RowMapper<CollectiveIncome> ROW = (rs, n) -> new CollectiveIncome(
            rs.getString("village_code"),
            rs.getInt("year"),
            CollectiveIncomeSource.valueOf(rs.getString("source")),
            rs.getBigDecimal("amount"));

    private final JdbcClient jdbc;

    CollectiveIncomeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CollectiveIncome> ofYear(int year, String prefix) {
        return jdbc.sql("""
                select * from collective_income where year = :year and village_code like :scope
                order by village_code, source limit 5000
                """)
                .param("year", year)
                .param("scope", prefix + "%")
                .query(ROW)
                .list();
    }

    Optional<CollectiveIncome> find(String village, int year, CollectiveIncomeSource source) {
        return jdbc.sql("select * from collective_income where village_code = :v and year = :y and source = :s")
                .param("v", village)
                .param("y", year)
                .param("s", source.name())
                .query(ROW)
                .optional();
    }

    /** Records the amount of a village's source in a year, replacing an earlier one. */
    void put(CollectiveIncome income, String by) {
        jdbc.sql("""
                insert into collective_income (village_code, year, source, amount, updated_by)
                values (:v, :y, :s, :amount, :by)
                on conflict (village_code, year, source)
                do update set amount = excluded.amount, updated_by = excluded.updated_by, updated_at = now()
                """)
                .param("v", income.villageCode())
                .param("y", income.year())
                .param("s", income.source().name())
                .param("amount", income.amount())
                .param("by", by)
                .update();
    }
}
