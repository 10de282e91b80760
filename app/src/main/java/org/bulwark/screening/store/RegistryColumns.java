package org.bulwark.screening.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.core.registry.HouseholdCategory;
import org.bulwark.core.registry.LabourCapacity;
import org.bulwark.core.screening.PersonTable;

/**
 * The registry as screening reads it, in columns: households by id (village, category), persons by id (household
 * position, birth date, labour capacity) and incomes by household and year (net income).
 */
final class RegistryColumns {

    private static final int MAGIC = 0x42575247; // "BWRG"
    static final byte NO_CAPACITY = -1;

    int households;
    long[] householdId;
    int[] village;
    byte[] category;
    final List<String> villages = new ArrayList<>();
    int persons;
    long[] personId;
    int[] personHousehold;
    int[] birthDay;
    byte[] capacity;
    int incomes;
    int[] incomeHousehold;
    int[] incomeYear;
    double[] netIncome;

    /** Copies the registry out of the database through {@code connection} (whose transaction decides the snapshot). */
    static RegistryColumns copy(Connection connection) throws SQLException {
        RegistryColumns registry = new RegistryColumns();
        registry.copyHouseholds(connection);
        IdIndex households = new IdIndex(registry.householdId, registry.households);
        registry.copyPersons(connection, households);
        registry.copyIncomes(connection, households);
        return registry;
    }

    /** Households by id, their village codes numbered in order of appearance ({@link #villages}). */
    private void copyHouseholds(Connection connection) throws SQLException {
        Map<String, Integer> villageCodes = new HashMap<>();
        int n = 0;
        long[] hid = new long[1024];
        int[] village = new int[1024];
        byte[] category = new byte[1024];
        try (CopyRows rows =
                new CopyRows(connection, "select id, village_code, category from registry_household order by id")) {
            while (rows.next()) {
                if (n == hid.length) {
                    hid = Arrays.copyOf(hid, n * 2);
                    village = Arrays.copyOf(village, n * 2);
                    category = Arrays.copyOf(category, n * 2);
                }
                hid[n] = rows.number(-1);
                village[n] = villageCodes.computeIfAbsent(rows.text(), code -> {
                    villages.add(code);
                    return villages.size() - 1;
                });
                category[n] = (byte) HouseholdCategory.valueOf(rows.text()).ordinal();
                n++;
            }
        }
        this.households = n;
        this.householdId = hid;
        this.village = village;
        this.category = category;
    }

    /** Persons by id, each with the position of its household among {@code households}. */
    private void copyPersons(Connection connection, IdIndex households) throws SQLException {
        int n = 0;
        long[] pid = new long[1024];
        int[] household = new int[1024];
        int[] birth = new int[1024];
        byte[] capacity = new byte[1024];
        try (CopyRows rows = new CopyRows(
                connection, "select id, household_id, birth_date, labour_capacity from registry_person order by id")) {
            while (rows.next()) {
                if (n == pid.length) {
                    pid = Arrays.copyOf(pid, n * 2);
                    household = Arrays.copyOf(household, n * 2);
                    birth = Arrays.copyOf(birth, n * 2);
                    capacity = Arrays.copyOf(capacity, n * 2);
                }
                pid[n] = rows.number(-1);
                household[n] = households.position(rows.number(-1));
                birth[n] = rows.day(PersonTable.UNKNOWN_DAY);
                String labour = rows.text();
                capacity[n] = labour == null
                        ? NO_CAPACITY
                        : (byte) LabourCapacity.valueOf(labour).ordinal();
                n++;
            }
        }
        this.persons = n;
        this.personId = pid;
        this.personHousehold = household;
        this.birthDay = birth;
        this.capacity = capacity;
    }

    /** Net incomes by household (its position among {@code households}) and ascending year. */
    private void copyIncomes(Connection connection, IdIndex households) throws SQLException {
        int n = 0;
        int[] household = new int[1024];
        int[] year = new int[1024];
        double[] net = new double[1024];
        try (CopyRows rows = new CopyRows(
                connection,
                "select household_id, year, net_income from income_net_income order by household_id, year")) {
            while (rows.next()) {
                if (n == year.length) {
                    household = Arrays.copyOf(household, n * 2);
                    year = Arrays.copyOf(year, n * 2);
                    net = Arrays.copyOf(net, n * 2);
                }
                household[n] = households.position(rows.number(-1));
                year[n] = (int) rows.number(0);
                net[n] = Double.parseDouble(rows.text());
                n++;
            }
        }
        this.incomes = n;
        this.incomeHousehold = household;
        this.incomeYear = year;
        this.netIncome = net;
    }

    void write(Path file) throws IOException {
        try (ColumnFile.Writer out = new ColumnFile.Writer(file)) {
            out.putInt(MAGIC).putInt(villages.size());
            for (String code : villages) {
                out.putText(code);
            }
            out.putInt(households)
                    .putLongs(householdId, households)
                    .putInts(village, households)
                    .putBytes(category, households);
            out.putInt(persons)
                    .putLongs(personId, persons)
                    .putInts(personHousehold, persons)
                    .putInts(birthDay, persons)
                    .putBytes(capacity, persons);
            out.putInt(incomes)
                    .putInts(incomeHousehold, incomes)
                    .putInts(incomeYear, incomes)
                    .putDoubles(netIncome, incomes);
            out.commit();
        }
    }

    /** How many households the file holds, from its header. */
    static int householdCount(Path file) throws IOException {
        try (ColumnFile.Reader in = new ColumnFile.Reader(file)) {
            if (in.getInt() != MAGIC) {
                throw new IOException(file + " is not a screening store registry file");
            }
            int villages = in.getInt();
            for (int i = 0; i < villages; i++) {
                in.getText();
            }
            return in.getInt();
        }
    }

    static RegistryColumns read(Path file) throws IOException {
        RegistryColumns registry = new RegistryColumns();
        try (ColumnFile.Reader in = new ColumnFile.Reader(file)) {
            if (in.getInt() != MAGIC) {
                throw new IOException(file + " is not a screening store registry file");
            }
            int villages = in.getInt();
            for (int i = 0; i < villages; i++) {
                registry.villages.add(in.getText().intern());
            }
            int h = in.getInt();
            registry.households = h;
            registry.householdId = in.getLongs(new long[h], h);
            registry.village = in.getInts(new int[h], h);
            registry.category = in.getBytes(new byte[h], h);
            int p = in.getInt();
            registry.persons = p;
            registry.personId = in.getLongs(new long[p], p);
            registry.personHousehold = in.getInts(new int[p], p);
            registry.birthDay = in.getInts(new int[p], p);
            registry.capacity = in.getBytes(new byte[p], p);
            int i = in.getInt();
            registry.incomes = i;
            registry.incomeHousehold = in.getInts(new int[i], i);
            registry.incomeYear = in.getInts(new int[i], i);
            registry.netIncome = in.getDoubles(new double[i], i);
        }
        return registry;
    }

    /** Positions of ascending ids, by a dense table over the id range (registry ids are dense sequences). */
    static final class IdIndex {
        private final long base;
        private final int[] positions;

        IdIndex(long[] ids, int count) {
            this.base = count == 0 ? 0 : ids[0];
            long span = count == 0 ? 0 : ids[count - 1] - base + 1;
            if (span > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("registry ids span " + span + " values, too many for the store");
            }
            this.positions = new int[(int) span];
            Arrays.fill(positions, -1);
            for (int i = 0; i < count; i++) {
                positions[(int) (ids[i] - base)] = i;
            }
        }

        /** The heap its table takes. */
        long bytes() {
            return 4L * positions.length;
        }

        /** The position of an id, or -1. */
        int position(long id) {
            long offset = id - base;
            return offset < 0 || offset >= positions.length ? -1 : positions[(int) offset];
        }
    }
}
