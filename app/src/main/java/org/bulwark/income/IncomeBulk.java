package org.bulwark.income;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.core.income.IncomeAccount;
import org.bulwark.identity.RegionScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incomes for bulk imports (a county's incomes file): the region's incomes read in one pass, and a file's years
 * stored with one statement. Net income and per capita are the core's, over the household's members as stored.
 */
@Service
public class IncomeBulk {

    private final JdbcClient jdbc;

    IncomeBulk(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One household's income in one year, as a file gives it. */
    public record IncomeWrite(long householdId, int year, IncomeAccount account) {}

    /** The incomes of the scope's households: household id → year → the amounts. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<Long, Map<Integer, IncomeAccount>> incomes(RegionScope scope) {
        Map<Long, Map<Integer, IncomeAccount>> result = new HashMap<>();
        jdbc.sql("""
                select i.household_id, i.year, i.wage, i.operating, i.property, i.transfer, i.production_cost
                from household_income i join registry_household h on h.id = i.household_id
                where h.village_code like :scope
                """)
                .param("scope", scope.likePattern())
                .query((rs, n) -> {
                    result.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                            .put(
                                    rs.getInt(2),
                                    new IncomeAccount(
                                            rs.getBigDecimal(3),
                                            rs.getBigDecimal(4),
                                            rs.getBigDecimal(5),
                                            rs.getBigDecimal(6),
                                            rs.getBigDecimal(7)));
                    return null;
                })
                .list();
        return result;
    }

    /** Inserts or replaces the years given; in the caller's transaction. Households must lie in the scope. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void store(RegionScope scope, List<IncomeWrite> writes) {
        if (writes.isEmpty()) {
            return;
        }
        int n = writes.size();
        Long[] households = new Long[n];
        Integer[] years = new Integer[n];
        BigDecimal[][] amounts = new BigDecimal[5][n];
        for (int i = 0; i < n; i++) {
            IncomeWrite w = writes.get(i);
            households[i] = w.householdId();
            years[i] = w.year();
            amounts[0][i] = w.account().wage();
            amounts[1][i] = w.account().operating();
            amounts[2][i] = w.account().property();
            amounts[3][i] = w.account().transfer();
            amounts[4][i] = w.account().productionCost();
        }
        // members and the figures computed from them: net in SQL as the core computes it (sum, scale 2)
        jdbc.sql("""
                insert into household_income (household_id, year, wage, operating, property, transfer,
                    production_cost, net_income, members, per_capita)
                select f.h, f.y, f.w, f.o, f.p, f.t, f.c, round(f.w + f.o + f.p + f.t - f.c, 2), m.members,
                       round(round(f.w + f.o + f.p + f.t - f.c, 2) / m.members, 2)
                from unnest(cast(:h as bigint[]), cast(:y as int[]), cast(:w as numeric[]), cast(:o as numeric[]),
                            cast(:p as numeric[]), cast(:t as numeric[]), cast(:c as numeric[]))
                         as f(h, y, w, o, p, t, c)
                join registry_household hh on hh.id = f.h and hh.village_code like :scope
                join (select household_id, count(*) as members from registry_person
                      where household_id = any(cast(:h as bigint[])) group by household_id) m
                  on m.household_id = f.h
                on conflict (household_id, year) do update set wage = excluded.wage, operating = excluded.operating,
                    property = excluded.property, transfer = excluded.transfer,
                    production_cost = excluded.production_cost, net_income = excluded.net_income,
                    members = excluded.members, per_capita = excluded.per_capita, updated_at = now()
                """)
                .param("h", households)
                .param("y", years)
                .param("w", amounts[0])
                .param("o", amounts[1])
                .param("p", amounts[2])
                .param("t", amounts[3])
                .param("c", amounts[4])
                .param("scope", scope.likePattern())
                .update();
    }
}
