package org.bulwark.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Edits random households of a region one statement at a time, as village cadres do all day between department
 * batches: incomes corrected, members' labour capacity or birth date corrected, persons moved to another household,
 * members added and removed, households re-categorised or moved to another village of their county. Each edit changes
 * what screening reads, so each is logged for the store held in memory (V23).
 */
@Component
class RegistryChurn {

    private static final List<String> CAPACITIES = List.of("ABLE", "WEAK", "NONE", "NOT_WORKING_AGE");
    private static final List<String> CATEGORIES = List.of("FORMERLY_POOR", "MONITORED", "ORDINARY");

    private final JdbcClient jdbc;
    private long added;

    RegistryChurn(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Edits {@code count} households: a tenth of them among {@code batchHouseholds} (the next batch's, so that its
     * re-screening meets edited households too), the others drawn from the id range; returns the edits made.
     */
    int edit(int count, long[] householdRange, List<Long> batchHouseholds, LocalDate asOf, SplittableRandom random) {
        int made = 0;
        for (int i = 0; i < count; i++) {
            long household = i % 10 == 0 && !batchHouseholds.isEmpty()
                    ? batchHouseholds.get(random.nextInt(batchHouseholds.size()))
                    : random.nextLong(householdRange[0], householdRange[1] + 1);
            made += edit(household, householdRange, asOf, random);
        }
        return made;
    }

    /** One edit of the household (none if it has no members or incomes to edit); returns the statements' rows. */
    private int edit(long household, long[] householdRange, LocalDate asOf, SplittableRandom random) {
        int kind = random.nextInt(20);
        if (kind < 8) {
            return scaleLastIncome(household, random);
        }
        if (kind < 12) {
            return changeFirstMember(household, random);
        }
        if (kind < 14) {
            return moveLastMember(household, random.nextLong(householdRange[0], householdRange[1] + 1));
        }
        if (kind < 16) {
            return addChild(household, asOf, random);
        }
        if (kind < 17) {
            return removeLastMember(household);
        }
        if (kind < 19) {
            return jdbc.sql("update household set category = :c where id = :h")
                    .param("c", CATEGORIES.get(random.nextInt(CATEGORIES.size())))
                    .param("h", household)
                    .update();
        }
        // to the village of another household of the same county, when one with a nearby id is in it
        return jdbc.sql("""
                update household h set village_code = o.village_code from household o
                where h.id = :h and o.id = :o and left(o.village_code, 6) = left(h.village_code, 6)
                """)
                .param("h", household)
                .param("o", household + 1 + random.nextInt(50))
                .update();
    }

    private int scaleLastIncome(long household, SplittableRandom random) {
        return jdbc.sql("""
                update household_income set net_income = round(net_income * cast(:f as numeric), 2)
                where household_id = :h and year = (select max(year) from household_income where household_id = :h)
                """)
                .param("f", String.valueOf(0.5 + random.nextInt(100) / 100.0))
                .param("h", household)
                .update();
    }

    private int changeFirstMember(long household, SplittableRandom random) {
        return jdbc.sql("""
                update person set labour_capacity = :c, birth_date = birth_date - :d
                where id = (select min(id) from person where household_id = :h)
                """)
                .param("c", CAPACITIES.get(random.nextInt(CAPACITIES.size())))
                .param("d", random.nextInt(3))
                .param("h", household)
                .update();
    }

    private int moveLastMember(long household, long to) {
        return jdbc.sql("""
                update person set household_id = :to
                where id = (select max(id) from person where household_id = :h)
                  and exists (select 1 from household where id = :to)
                """).param("to", to).param("h", household).update();
    }

    /** A new child with an identity number no generated resident has (it starts with 99, no province's code). */
    private int addChild(long household, LocalDate asOf, SplittableRandom random) {
        return jdbc.sql("""
                insert into person (household_id, id_number, name, sex, birth_date, relation, labour_capacity)
                select id, :n, '新成员', 'MALE', :b, 'CHILD', 'NOT_WORKING_AGE' from household where id = :h
                """)
                .param(
                        "n",
                        String.format(
                                "99%016d", System.currentTimeMillis() % 10_000_000 * 1_000_000 + ++added % 1_000_000))
                .param("b", asOf.minusDays(random.nextInt(3_000)))
                .param("h", household)
                .update();
    }

    private int removeLastMember(long household) {
        return jdbc.sql("""
                delete from person where id = (select max(id) from person where household_id = :h)
                  and (select count(*) from person where household_id = :h) > 1
                """).param("h", household).update();
    }
}
