package org.bulwark.exchange.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registry as matching a batch needs it: each person by identity number (person id, household id, registered
 * name, the household's village) and each household by number (id, village). Either the whole registry, read once
 * for a large batch (a million persons: about 0.2 s of the server's CPU and 0.3 s here, where PostgreSQL's hash join
 * of a batch with the registry cost about 2 s), or only the persons and households a small batch names, looked up.
 */
final class RegistryIndex {

    /** A person as matching sees it. */
    record Person(long id, long householdId, String name, String village) {
    }

    /** A household as matching sees it. */
    record Household(long id, String village) {
    }

    private final LongIntMap byIdNumber;
    /** Identity numbers that do not have the standard form (17 digits and a check character), which no long holds. */
    private final Map<String, Integer> byOddIdNumber = new HashMap<>();
    private long[] personId;
    private long[] personHousehold;
    private String[] personName;
    private String[] personVillage;
    private int persons;
    private final Map<String, Household> byHouseholdNumber = new HashMap<>();
    /** One string per village code, so that a million persons share a few thousand. */
    private final Map<String, String> villages = new HashMap<>();

    private RegistryIndex(int expectedPersons) {
        byIdNumber = new LongIntMap(Math.max(16, expectedPersons));
        personId = new long[Math.max(16, expectedPersons)];
        personHousehold = new long[personId.length];
        personName = new String[personId.length];
        personVillage = new String[personId.length];
    }

    /**
     * Reads every person and, when {@code byHousehold}, every household number, through the import's connection
     * (its snapshot).
     */
    static RegistryIndex readAll(Connection connection, boolean byPerson, boolean byHousehold) throws SQLException {
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        int expected = 16;
        if (byPerson) {
            try (var statement = connection.createStatement();
                 var rows = statement.executeQuery("select greatest(reltuples, 0)::bigint from pg_class "
                         + "where oid = 'person'::regclass")) {
                expected = rows.next() ? (int) Math.min(rows.getLong(1) + 1024, 1 << 28) : expected;
            }
        }
        RegistryIndex index = new RegistryIndex(expected);
        // households by id (for the persons' villages) and by number
        LongIntMap householdById = new LongIntMap(byPerson ? expected / 3 : 16);
        String[] householdVillage = new String[byPerson ? Math.max(16, expected / 3) : 16];
        int households = 0;
        if (byPerson || byHousehold) {
            try (CopyOutRows rows = new CopyOutRows(copy, "select id, village_code, household_number from household")) {
                while (rows.next()) {
                    long id = rows.int8(-1);
                    String village = index.village(rows.text());
                    String number = rows.text();
                    if (byPerson) {
                        if (households == householdVillage.length) {
                            householdVillage = Arrays.copyOf(householdVillage, households * 2);
                        }
                        householdVillage[households] = village;
                        householdById.put(id, households++);
                    }
                    if (byHousehold) {
                        index.byHouseholdNumber.put(number, new Household(id, village));
                    }
                }
            }
        }
        if (byPerson) {
            try (CopyOutRows rows = new CopyOutRows(copy, "select id_number, id, household_id, name from person")) {
                while (rows.next()) {
                    String idNumber = rows.text();
                    long id = rows.int8(-1);
                    long household = rows.int8(-1);
                    String name = rows.text();
                    int at = householdById.get(household);
                    index.add(idNumber, id, household, name, at < 0 ? null : householdVillage[at]);
                }
            }
        }
        return index;
    }

    /** Looks up only the persons and households with these numbers, by index (a small batch). */
    static RegistryIndex lookUp(JdbcClient jdbc, Collection<String> idNumbers, Collection<String> householdNumbers) {
        RegistryIndex index = new RegistryIndex(idNumbers.size());
        if (!idNumbers.isEmpty()) {
            jdbc.sql("""
                    select p.id_number, p.id, p.household_id, p.name, h.village_code
                    from unnest(cast(:ids as varchar[])) as u(id_number)
                    join person p on p.id_number = u.id_number
                    join household h on h.id = p.household_id
                    """).param("ids", idNumbers.toArray(String[]::new))
                    .query((rs, n) -> {
                        index.add(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                                index.village(rs.getString(5)));
                        return null;
                    }).list();
        }
        if (!householdNumbers.isEmpty()) {
            jdbc.sql("""
                    select h.household_number, h.id, h.village_code
                    from unnest(cast(:numbers as varchar[])) as u(household_number)
                    join household h on h.household_number = u.household_number
                    """).param("numbers", householdNumbers.toArray(String[]::new))
                    .query((rs, n) -> {
                        index.byHouseholdNumber.put(rs.getString(1),
                                new Household(rs.getLong(2), index.village(rs.getString(3))));
                        return null;
                    }).list();
        }
        return index;
    }

    /** The person registered with this identity number, or null. */
    Person person(String idNumber) {
        long key = key(idNumber);
        int at = key >= 0 ? byIdNumber.get(key) : byOddIdNumber.getOrDefault(idNumber, -1);
        return at < 0 ? null : new Person(personId[at], personHousehold[at], personName[at], personVillage[at]);
    }

    /** The household with this number, or null. */
    Household household(String householdNumber) {
        return byHouseholdNumber.get(householdNumber);
    }

    int persons() {
        return persons;
    }

    private void add(String idNumber, long id, long household, String name, String village) {
        if (persons == personId.length) {
            int capacity = persons * 2;
            personId = Arrays.copyOf(personId, capacity);
            personHousehold = Arrays.copyOf(personHousehold, capacity);
            personName = Arrays.copyOf(personName, capacity);
            personVillage = Arrays.copyOf(personVillage, capacity);
        }
        personId[persons] = id;
        personHousehold[persons] = household;
        personName[persons] = name;
        personVillage[persons] = village;
        long key = key(idNumber);
        if (key >= 0) {
            byIdNumber.put(key, persons);
        } else {
            byOddIdNumber.put(idNumber, persons);
        }
        persons++;
    }

    private String village(String code) {
        return code == null ? null : villages.computeIfAbsent(code, c -> c);
    }

    /**
     * An identity number of the standard form (17 digits, then a digit or X) as a number — the 17 digits times 11
     * plus the check character (X counting 10), which is below 1.1 * 10^18 and so fits a long; -1 for any other text.
     * Distinct texts of that form give distinct numbers, so matching by it is matching by the text.
     */
    static long key(String idNumber) {
        if (idNumber == null || idNumber.length() != 18) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < 17; i++) {
            char c = idNumber.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        char check = idNumber.charAt(17);
        int last;
        if (check >= '0' && check <= '9') {
            last = check - '0';
        } else if (check == 'X') {
            last = 10;
        } else {
            return -1;
        }
        return value * 11 + last;
    }
}
