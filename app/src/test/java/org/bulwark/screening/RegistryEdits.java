package org.bulwark.screening;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Edits of one county's registry as cadres make them — each kind of change to households, members and incomes that
 * screening reads — chosen at random; each edit says which households it touched (before and after).
 */
final class RegistryEdits {

    static final List<String> KINDS = List.of(
            "income edited",
            "income added",
            "income deleted",
            "incomes of several households edited",
            "person moved",
            "person added",
            "person deleted",
            "person changed",
            "household re-categorised",
            "household moved",
            "household added",
            "household deleted");
    private static final List<String> CAPACITIES = Arrays.asList("ABLE", "WEAK", "NONE", "NOT_WORKING_AGE", null);
    private static final List<String> CATEGORIES = List.of("FORMERLY_POOR", "MONITORED", "ORDINARY");

    /** An edit made: its kind and the households whose screening inputs it changed. */
    record Edit(String kind, List<Long> households) {}

    private final JdbcClient jdbc;
    private final String county;
    private final LocalDate asOf;
    private int made;
    /** Numbers for the identity and household numbers of what is added (unique in the test database). */
    private static final AtomicLong SERIAL = new AtomicLong();

    RegistryEdits(JdbcClient jdbc, String county, LocalDate asOf) {
        this.jdbc = jdbc;
        this.county = county;
        this.asOf = asOf;
    }

    /** An edit of a kind chosen at random, after one of each kind in turn. */
    Edit random(Random random) {
        String kind = KINDS.get(made < KINDS.size() ? made : random.nextInt(KINDS.size()));
        made++;
        return switch (kind) {
            case "income edited" -> editIncome(random);
            case "income added" -> addIncome(random);
            case "income deleted" -> deleteIncome(random);
            case "incomes of several households edited" -> editIncomes(random);
            case "person moved" -> movePerson(random);
            case "person added" -> addPerson(random, household(random));
            case "person deleted" -> deletePerson(random);
            case "person changed" -> changePerson(random);
            case "household re-categorised" -> recategorise(random);
            case "household moved" -> moveHousehold(random);
            case "household added" -> addHousehold(random);
            default -> deleteHousehold(random);
        };
    }

    Edit editIncome(Random random) {
        long[] income = income(random);
        jdbc.sql("update household_income set net_income = :v where id = :id")
                .param("v", money(random))
                .param("id", income[0])
                .update();
        return new Edit("income edited", List.of(income[1]));
    }

    Edit addIncome(Random random) {
        long household = household(random);
        List<Integer> years = jdbc.sql("select year from household_income where household_id = :h")
                .param("h", household)
                .query(Integer.class)
                .list();
        int year = asOf.getYear() - random.nextInt(4);
        while (years.contains(year)) {
            year--;
        }
        BigDecimal net = money(random);
        jdbc.sql("""
                insert into household_income (household_id, year, wage, operating, property, transfer, production_cost,
                                              net_income, members, per_capita)
                values (:h, :y, :n, 0, 0, 0, 0, :n, 1, :n)
                """).param("h", household).param("y", year).param("n", net).update();
        return new Edit("income added", List.of(household));
    }

    Edit deleteIncome(Random random) {
        long[] income = income(random);
        jdbc.sql("delete from household_income where id = :id")
                .param("id", income[0])
                .update();
        return new Edit("income deleted", List.of(income[1]));
    }

    /** One statement over several households' incomes. */
    Edit editIncomes(Random random) {
        List<Long> households = List.of(household(random), household(random), household(random));
        jdbc.sql("update household_income set net_income = round(net_income * cast(:f as numeric), 2) "
                        + "where household_id = any(cast(:h as bigint[]))")
                .param("f", BigDecimal.valueOf(2 + random.nextInt(10), 1))
                .param("h", households.toArray(Long[]::new))
                .update();
        return new Edit("incomes of several households edited", households);
    }

    Edit movePerson(Random random) {
        long[] person = person(random);
        long to = household(random);
        jdbc.sql("update person set household_id = :to where id = :id")
                .param("to", to)
                .param("id", person[0])
                .update();
        return new Edit("person moved", List.of(person[1], to));
    }

    Edit addPerson(Random random, long household) {
        jdbc.sql("""
                insert into person (household_id, id_number, name, sex, birth_date, relation, labour_capacity)
                values (:h, :n, '测试', 'FEMALE', :b, 'OTHER', :c)
                """)
                .param("h", household)
                .param("n", String.format("%s%012d", county, SERIAL.incrementAndGet()))
                .param("b", birth(random))
                .param("c", capacity(random))
                .update();
        return new Edit("person added", List.of(household));
    }

    Edit deletePerson(Random random) {
        long[] person = person(random);
        jdbc.sql("delete from person where id = :id").param("id", person[0]).update();
        return new Edit("person deleted", List.of(person[1]));
    }

    Edit changePerson(Random random) {
        long[] person = person(random);
        jdbc.sql("update person set birth_date = :b, labour_capacity = :c where id = :id")
                .param("b", birth(random))
                .param("c", capacity(random))
                .param("id", person[0])
                .update();
        return new Edit("person changed", List.of(person[1]));
    }

    Edit recategorise(Random random) {
        long household = household(random);
        jdbc.sql("update household set category = :c where id = :id")
                .param("c", CATEGORIES.get(random.nextInt(CATEGORIES.size())))
                .param("id", household)
                .update();
        return new Edit("household re-categorised", List.of(household));
    }

    Edit moveHousehold(Random random) {
        long household = household(random);
        jdbc.sql("update household set village_code = (select village_code from household where id = :other) "
                        + "where id = :id")
                .param("other", household(random))
                .param("id", household)
                .update();
        return new Edit("household moved", List.of(household));
    }

    Edit addHousehold(Random random) {
        long household = jdbc.sql("""
                insert into household (household_number, village_code, category)
                values (:n, (select village_code from household where id = :other), :c) returning id
                """)
                .param("n", "T" + county + "-" + SERIAL.incrementAndGet())
                .param("other", household(random))
                .param("c", CATEGORIES.get(random.nextInt(CATEGORIES.size())))
                .query(Long.class)
                .single();
        for (int i = random.nextInt(5); i > 0; i--) {
            addPerson(random, household);
        }
        if (random.nextBoolean()) {
            BigDecimal net = money(random);
            jdbc.sql("""
                    insert into household_income (household_id, year, wage, operating, property, transfer,
                                                  production_cost, net_income, members, per_capita)
                    values (:h, :y, :n, 0, 0, 0, 0, :n, 1, :n)
                    """)
                    .param("h", household)
                    .param("y", asOf.getYear() - 1)
                    .param("n", net)
                    .update();
        }
        return new Edit("household added", List.of(household));
    }

    Edit deleteHousehold(Random random) {
        long household = household(random);
        jdbc.sql("delete from household_income where household_id = :h")
                .param("h", household)
                .update();
        jdbc.sql("delete from person where household_id = :h")
                .param("h", household)
                .update();
        jdbc.sql("delete from household where id = :h").param("h", household).update();
        return new Edit("household deleted", List.of(household));
    }

    /** Edits of what screening does not read: a phone, a name, a household's version. */
    void irrelevant(Random random) {
        long household = household(random);
        jdbc.sql("update household set phone = :p, version = version + 1 where id = :h")
                .param("p", "139" + (10_000_000 + random.nextInt(89_999_999)))
                .param("h", household)
                .update();
        jdbc.sql("update person set name = '改名' where id = :id")
                .param("id", person(random)[0])
                .update();
        jdbc.sql("update household_income set wage = wage where id = :id")
                .param("id", income(random)[0])
                .update();
    }

    private long household(Random random) {
        List<Long> ids = jdbc.sql("select id from household where village_code like :c order by id")
                .param("c", county + "%")
                .query(Long.class)
                .list();
        return ids.get(random.nextInt(ids.size()));
    }

    /** A person's id and household. */
    private long[] person(Random random) {
        return pick(
                random,
                "select p.id, p.household_id from person p join household h on h.id = p.household_id "
                        + "where h.village_code like :c order by p.id");
    }

    /** An income's id and household. */
    private long[] income(Random random) {
        return pick(
                random,
                "select i.id, i.household_id from household_income i join household h "
                        + "on h.id = i.household_id where h.village_code like :c order by i.id");
    }

    private long[] pick(Random random, String sql) {
        List<long[]> rows = new ArrayList<>(jdbc.sql(sql)
                .param("c", county + "%")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list());
        return rows.get(random.nextInt(rows.size()));
    }

    private LocalDate birth(Random random) {
        return asOf.minusDays(365L * 5 + random.nextInt(365 * 75));
    }

    private static String capacity(Random random) {
        return CAPACITIES.get(random.nextInt(CAPACITIES.size()));
    }

    private static BigDecimal money(Random random) {
        return BigDecimal.valueOf(random.nextInt(3_000_000), 2);
    }
}
