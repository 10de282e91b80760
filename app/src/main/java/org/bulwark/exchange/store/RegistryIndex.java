package org.bulwark.exchange.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.bulwark.platform.database.BinaryCopyRows;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registry as matching a batch needs it: each person by identity number (person id, household id, registered
 * name, the household's village) and each household by number (id, village). Either the whole registry, read once
 * for a large batch (far cheaper than PostgreSQL's hash join of a batch with the registry; BENCHMARKS.md), or only
 * the persons and households a small batch names, looked up.
 */
final class RegistryIndex {

    /** A household as matching sees it. */
    record Household(long id, String village) {}

    private final LongIntMap byIdNumber;
    /** Identity numbers that do not have the standard form (17 digits and a check character), which no long holds. */
    private final Map<String, Integer> byOddIdNumber = new HashMap<>();

    private long[] personId;
    private long[] personHousehold;
    private String[] personVillage;
    /** The registered names, UTF-8, one after the other: a million persons make no million strings to keep. */
    private byte[] names = new byte[1 << 16];
    /** Where each person's name starts in {@link #names}; the next one's start is where it ends. */
    private int[] nameStart;

    private int persons;
    private final Map<String, Household> byHouseholdNumber = new HashMap<>();
    /** One string per village code, so that a million persons share a few thousand. */
    private final Map<String, String> villages = new HashMap<>();

    private RegistryIndex(int expectedPersons) {
        byIdNumber = new LongIntMap(Math.max(16, expectedPersons));
        personId = new long[Math.max(16, expectedPersons)];
        personHousehold = new long[personId.length];
        personVillage = new String[personId.length];
        nameStart = new int[personId.length + 1];
    }

    /**
     * Reads every person and, when {@code byHousehold}, every household number, through the import's connection
     * (its snapshot).
     */
    static RegistryIndex readAll(Connection connection, boolean byPerson, boolean byHousehold) throws SQLException {
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        int expected = byPerson ? expectedPersons(connection) : 16;
        RegistryIndex index = new RegistryIndex(expected);
        HouseholdVillages households =
                new HouseholdVillages(byPerson ? expected / 3 : 16, byPerson ? Math.max(16, expected / 3) : 16);
        if (byPerson || byHousehold) {
            index.readHouseholds(copy, byPerson ? households : null, byHousehold);
        }
        if (byPerson) {
            index.readPersons(copy, households);
        }
        return index;
    }

    /** About how many persons the registry holds (the planner's estimate), to size the index once. */
    private static int expectedPersons(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery(
                        "select greatest(reltuples, 0)::bigint from pg_class " + "where oid = 'person'::regclass")) {
            return rows.next() ? (int) Math.min(rows.getLong(1) + 1024, 1 << 28) : 16;
        }
    }

    /** Households by id with their villages, for the persons read after them. */
    private static final class HouseholdVillages {
        final LongIntMap byId;
        String[] village;
        int count;

        HouseholdVillages(int expected, int capacity) {
            byId = new LongIntMap(expected);
            village = new String[capacity];
        }

        void add(long id, String village) {
            if (count == this.village.length) {
                this.village = Arrays.copyOf(this.village, count * 2);
            }
            this.village[count] = village;
            byId.put(id, count++);
        }
    }

    /**
     * Reads every household: into {@code byId} (when persons are read after) for their villages, and by number when
     * {@code byHousehold}.
     */
    private void readHouseholds(CopyManager copy, HouseholdVillages byId, boolean byHousehold) throws SQLException {
        try (BinaryCopyRows rows =
                new BinaryCopyRows(copy, "select id, village_code, household_number from registry_household")) {
            while (rows.next()) {
                long id = rows.int8(-1);
                String village = village(rows.text());
                String number = rows.text();
                if (byId != null) {
                    byId.add(id, village);
                }
                if (byHousehold) {
                    byHouseholdNumber.put(number, new Household(id, village));
                }
            }
        }
    }

    /** Reads every person, with the village of its household. */
    private void readPersons(CopyManager copy, HouseholdVillages households) throws SQLException {
        try (BinaryCopyRows rows =
                new BinaryCopyRows(copy, "select id_number, id, household_id, name from registry_person")) {
            while (rows.next()) {
                // the identity number straight from the bytes as sent (a string only for an unusual one)
                int length = rows.valueLength();
                long key = length == 18 ? key(rows.row(), rows.at()) : -1;
                String odd = null;
                if (key < 0 && length >= 0) {
                    odd = new String(rows.row(), rows.at(), length, StandardCharsets.UTF_8);
                }
                rows.skip(length);
                long id = rows.int8(-1);
                long household = rows.int8(-1);
                int at = households.byId.get(household);
                int position = add(key, odd, id, household, at < 0 ? null : households.village[at]);
                int nameLength = rows.valueLength();
                name(position, rows.row(), rows.at(), Math.max(0, nameLength));
                rows.skip(nameLength);
            }
        }
    }

    /** Looks up only the persons and households with these numbers, by index (a small batch). */
    static RegistryIndex lookUp(JdbcClient jdbc, Collection<String> idNumbers, Collection<String> householdNumbers) {
        RegistryIndex index = new RegistryIndex(idNumbers.size());
        if (!idNumbers.isEmpty()) {
            jdbc.sql("""
                    select p.id_number, p.id, p.household_id, p.name, h.village_code
                    from unnest(cast(:ids as varchar[])) as u(id_number)
                    join registry_person p on p.id_number = u.id_number
                    join registry_household h on h.id = p.household_id
                    """)
                    .param("ids", idNumbers.toArray(String[]::new))
                    .query((rs, n) -> {
                        String idNumber = rs.getString(1);
                        long key = key(idNumber);
                        int position = index.add(
                                key,
                                key < 0 ? idNumber : null,
                                rs.getLong(2),
                                rs.getLong(3),
                                index.village(rs.getString(5)));
                        byte[] name = rs.getString(4).getBytes(StandardCharsets.UTF_8);
                        index.name(position, name, 0, name.length);
                        return null;
                    })
                    .list();
        }
        if (!householdNumbers.isEmpty()) {
            jdbc.sql("""
                    select h.household_number, h.id, h.village_code
                    from unnest(cast(:numbers as varchar[])) as u(household_number)
                    join registry_household h on h.household_number = u.household_number
                    """)
                    .param("numbers", householdNumbers.toArray(String[]::new))
                    .query((rs, n) -> {
                        index.byHouseholdNumber.put(
                                rs.getString(1), new Household(rs.getLong(2), index.village(rs.getString(3))));
                        return null;
                    })
                    .list();
        }
        return index;
    }

    /** The position of the person registered with this identity number, or -1. */
    int person(String idNumber) {
        long key = key(idNumber);
        return key >= 0 ? byIdNumber.get(key) : byOddIdNumber.getOrDefault(idNumber, -1);
    }

    long personId(int person) {
        return personId[person];
    }

    long householdId(int person) {
        return personHousehold[person];
    }

    /** The village of the person's household. */
    String village(int person) {
        return personVillage[person];
    }

    /**
     * Whether the person's registered name is {@code name}, exactly: its UTF-8 compared byte by byte as it is made
     * (no buffer, so that imports running at the same time may share an index).
     */
    boolean nameIs(int person, String name) {
        int at = nameStart[person];
        int end = nameStart[person + 1];
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x80) {
                if (at >= end || names[at++] != (byte) c) {
                    return false;
                }
            } else if (c < 0x800) {
                if (at + 2 > end
                        || names[at++] != (byte) (0xC0 | (c >> 6))
                        || names[at++] != (byte) (0x80 | (c & 0x3F))) {
                    return false;
                }
            } else if (Character.isSurrogate(c)) {
                // rare in names: the JDK's encoder decides, as when the registered name was written
                return Arrays.equals(
                        name.getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(names, nameStart[person], end));
            } else if (at + 3 > end
                    || names[at++] != (byte) (0xE0 | (c >> 12))
                    || names[at++] != (byte) (0x80 | ((c >> 6) & 0x3F))
                    || names[at++] != (byte) (0x80 | (c & 0x3F))) {
                return false;
            }
        }
        return at == end;
    }

    /** The household with this number, or null. */
    Household household(String householdNumber) {
        return byHouseholdNumber.get(householdNumber);
    }

    int persons() {
        return persons;
    }

    private int add(long key, String oddIdNumber, long id, long household, String village) {
        if (persons == personId.length) {
            int capacity = persons * 2;
            personId = Arrays.copyOf(personId, capacity);
            personHousehold = Arrays.copyOf(personHousehold, capacity);
            personVillage = Arrays.copyOf(personVillage, capacity);
            nameStart = Arrays.copyOf(nameStart, capacity + 1);
        }
        personId[persons] = id;
        personHousehold[persons] = household;
        personVillage[persons] = village;
        if (key >= 0) {
            byIdNumber.put(key, persons);
        } else if (oddIdNumber != null) {
            byOddIdNumber.put(oddIdNumber, persons);
        }
        return persons++;
    }

    /** Keeps the name of the person just added (persons are named in the order they are added). */
    private void name(int person, byte[] source, int from, int length) {
        int start = nameStart[person];
        if (start + length > names.length) {
            names = Arrays.copyOf(names, Math.max(names.length * 2, start + length));
        }
        System.arraycopy(source, from, names, start, length);
        nameStart[person + 1] = start + length;
    }

    private String village(String code) {
        return code == null ? null : villages.computeIfAbsent(code, c -> c);
    }

    /**
     * An identity number of the standard form (17 digits, then a digit or X) as a number — the 17 digits times 11
     * plus the check character (X counting 10), which is below 1.1 * 10^18 and so fits a long; -1 for any other text.
     * Distinct texts of that form give distinct numbers, so matching by it is matching by the text.
     */
    static long key(byte[] bytes, int from) {
        long value = 0;
        for (int i = from; i < from + 17; i++) {
            int c = bytes[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        int check = bytes[from + 17];
        if (check >= '0' && check <= '9') {
            return value * 11 + (check - '0');
        }
        return check == 'X' ? value * 11 + 10 : -1;
    }

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
