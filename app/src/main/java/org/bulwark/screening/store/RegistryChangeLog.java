package org.bulwark.screening.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bulwark.core.registry.HouseholdCategory;
import org.bulwark.core.registry.LabourCapacity;
import org.bulwark.core.screening.PersonTable;
import org.bulwark.platform.ChangeCounters;

/**
 * Reads the registry change log of migration V23: which households changed after a log position, and those
 * households as screening reads them (what {@link RegistryColumns#copy} reads for all of them), in one snapshot; and
 * deletes what a store's files hold already.
 */
final class RegistryChangeLog {

    static final String LOGGED = "registry_logged";
    static final String PRUNED = "registry_pruned";

    private RegistryChangeLog() {}

    /**
     * Brings the patch up to the log as it is now, and reads those of {@code wanted} that changed and are not read
     * yet. Gives the patch up when the log no longer tells (rows pruned past its position, or a statement that changed
     * every household). Returns whether the patch is usable.
     */
    static boolean catchUp(Connection connection, RegistryPatch patch, Collection<Long> wanted) throws SQLException {
        if (!patch.usable()) {
            return false;
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        // one snapshot for the position, the log and the households, so each is as of the position read
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            Map<String, Long> counters = ChangeCounters.read(connection, LOGGED, PRUNED);
            long now = counters.getOrDefault(LOGGED, -1L);
            if (now < 0 || counters.getOrDefault(PRUNED, 0L) > patch.logged()) {
                patch.giveUp();
            } else if (now > patch.logged()) {
                List<Long> changed = changedAfter(connection, patch.logged());
                if (changed == null) {
                    patch.giveUp();
                } else {
                    patch.changedUpTo(now, changed);
                }
            }
            List<Long> toRead = patch.usable() ? patch.unreadAmong(wanted) : List.of();
            if (!toRead.isEmpty()) {
                // as of the position just read, in the same snapshot
                patch.read(households(connection, toRead));
            }
            connection.commit();
            return patch.usable();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Deletes the log up to {@code logged}, what a store's files now hold; other stores behind it then give up. */
    static void prune(Connection connection, long logged) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement delete =
                connection.prepareStatement("delete from screening_registry_change where seq <= ?")) {
            if (ChangeCounters.raiseTo(connection, PRUNED, logged)) {
                delete.setLong(1, logged);
                delete.executeUpdate();
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * The households changed after the position up to what {@code connection}'s snapshot sees (a store's registry
     * copy brought up to date reads them in the same snapshot), or null when the log cannot tell: pruned past the
     * position, or a statement that changed every household.
     */
    static List<Long> changedSince(Connection connection, long logged, Map<String, Long> counters) throws SQLException {
        if (logged < 0 || counters.getOrDefault(LOGGED, -1L) < 0 || counters.getOrDefault(PRUNED, 0L) > logged) {
            return null;
        }
        return changedAfter(connection, logged);
    }

    /**
     * The households changed after the position, or null when a statement changed every household or more than
     * {@link RegistryPatch#MAX_HOUSEHOLDS} changed. A statement past 1,000 households logs runs of ids as ranges (V91).
     */
    private static List<Long> changedAfter(Connection connection, long logged) throws SQLException {
        Set<Long> changed = new LinkedHashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select distinct household_id, household_to from screening_registry_change where seq > ?")) {
            statement.setLong(1, logged);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long from = rows.getLong(1);
                    if (rows.wasNull()) {
                        return null;
                    }
                    long to = rows.getLong(2);
                    to = rows.wasNull() ? from : to;
                    if (to - from + changed.size() >= RegistryPatch.MAX_HOUSEHOLDS) {
                        return null;
                    }
                    for (long id = from; id <= to; id++) {
                        changed.add(id);
                    }
                }
            }
        }
        return new ArrayList<>(changed);
    }

    /** The households as screening reads them, by id; null for those no longer in the registry. */
    static Map<Long, RegistryPatch.Household> households(Connection connection, List<Long> ids) throws SQLException {
        Array idArray = connection.createArrayOf("bigint", ids.toArray());
        Map<Long, String[]> households = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select id, village_code, category from registry_household where id = any(?)")) {
            statement.setArray(1, idArray);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    households.put(
                            rows.getLong(1), new String[] {rows.getString(2).intern(), rows.getString(3)});
                }
            }
        }
        Map<Long, Columns> members = members(connection, idArray);
        Map<Long, Columns> incomes = incomes(connection, idArray);
        Map<Long, RegistryPatch.Household> read = new HashMap<>();
        Columns none = new Columns();
        for (long id : ids) {
            String[] household = households.get(id);
            Columns persons = members.getOrDefault(id, none);
            Columns years = incomes.getOrDefault(id, none);
            read.put(
                    id,
                    household == null
                            ? null
                            : new RegistryPatch.Household(
                                    household[0],
                                    (byte) HouseholdCategory.valueOf(household[1])
                                            .ordinal(),
                                    Arrays.copyOf(persons.ids, persons.size),
                                    Arrays.copyOf(persons.days, persons.size),
                                    Arrays.copyOf(persons.bytes, persons.size),
                                    Arrays.copyOf(years.days, years.size),
                                    Arrays.copyOf(years.values, years.size)));
        }
        return read;
    }

    /** The members of the households by household: ids ascending, birth days, labour capacities. */
    private static Map<Long, Columns> members(Connection connection, Array households) throws SQLException {
        Map<Long, Columns> members = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("select household_id, id, birth_date, "
                + "labour_capacity from registry_person where household_id = any(?) order by id")) {
            statement.setArray(1, households);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    LocalDate birth = rows.getObject(3, LocalDate.class);
                    String capacity = rows.getString(4);
                    members.computeIfAbsent(rows.getLong(1), h -> new Columns())
                            .add(
                                    rows.getLong(2),
                                    birth == null ? PersonTable.UNKNOWN_DAY : (int) birth.toEpochDay(),
                                    capacity == null
                                            ? RegistryColumns.NO_CAPACITY
                                            : (byte) LabourCapacity.valueOf(capacity)
                                                    .ordinal(),
                                    0);
                }
            }
        }
        return members;
    }

    /** The incomes of the households by household: years ascending, net incomes. */
    private static Map<Long, Columns> incomes(Connection connection, Array households) throws SQLException {
        Map<Long, Columns> incomes = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("select household_id, year, net_income "
                + "from income_net_income where household_id = any(?) order by household_id, year")) {
            statement.setArray(1, households);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    // parsed from its text, as the store's copy does, so both give the same double
                    incomes.computeIfAbsent(rows.getLong(1), h -> new Columns())
                            .add(0, rows.getInt(2), (byte) 0, Double.parseDouble(rows.getString(3)));
                }
            }
        }
        return incomes;
    }

    /** A household's rows as read: members (id, birth day, capacity) or incomes (year, net income). */
    private static final class Columns {
        long[] ids = new long[4];
        int[] days = new int[4];
        byte[] bytes = new byte[4];
        double[] values = new double[4];
        int size;

        void add(long id, int day, byte value, double number) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                days = Arrays.copyOf(days, size * 2);
                bytes = Arrays.copyOf(bytes, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            ids[size] = id;
            days[size] = day;
            bytes[size] = value;
            values[size] = number;
            size++;
        }
    }
}
