package org.bulwark.screening;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The open warnings' keys — (household, rule) and, for residents the registry does not have, (identity number,
 * rule): what a run must not raise again — held in memory by region, so that a run compares its hits here and sends
 * PostgreSQL only the new warnings. PostgreSQL stays the judge: the warnings' change counter (V89) says whether the
 * keys held are still those of the database, and the partial unique indexes still refuse a second open warning.
 *
 * <p>A run locks the counter in its transaction before it compares ({@link #lock}): a change to the warnings by any
 * other path — a verification, casework, another instance's run, a test's clean-up — has then either committed and
 * moved the counter (so the region's keys are read again) or waits for the run's commit. After its inserts the run
 * reads the counter again: what moved it since the lock is the run's own change, so the keys it raised are added to
 * those held once it commits, and the next run finds them current without reading them back.
 */
@Component
class OpenWarnings {

    /** Regions whose keys are held at once; more are rare (a province's runs and a few counties' batches). */
    private static final int REGIONS = 8;
    /** Bits of a household key that number the rule; the household id takes the rest. */
    private static final int RULE_BITS = 12;

    /** The keys held, by region prefix. */
    private final Map<String, Keys> regions = new LinkedHashMap<>();
    /** Rule ids numbered for the household keys; never shrinks (rules are few). */
    private final Map<String, Integer> ruleNumbers = new HashMap<>();
    /** How often a region's keys were read from PostgreSQL (tests see whether a run needed to). */
    private long loads;

    /** The counter's value: its database, and the statements that changed warnings there. */
    record Counter(UUID generation, long changes) {}

    /** Locks the counter for the rest of the caller's transaction and reads it. */
    static Counter lock(Connection connection) throws SQLException {
        return read(connection, "select generation, changes from warning_change for update");
    }

    /** Reads the counter (in the caller's transaction, which holds its lock: the value its own changes left). */
    static Counter read(Connection connection) throws SQLException {
        return read(connection, "select generation, changes from warning_change");
    }

    private static Counter read(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet row = statement.executeQuery()) {
            row.next();
            return new Counter(row.getObject(1, UUID.class), row.getLong(2));
        }
    }

    /**
     * The open warnings' keys of the region as of the counter (locked by the caller): those held for it or for a
     * region holding it when they are current, else read from PostgreSQL now.
     */
    synchronized Keys of(String prefix, Counter counter, Connection connection) throws SQLException, IOException {
        regions.values().removeIf(keys -> !keys.counter.equals(counter));
        for (Keys keys : regions.values()) {
            if (prefix.startsWith(keys.prefix)) {
                return keys;
            }
        }
        Keys loaded = load(prefix, counter, connection);
        loads++;
        if (regions.size() >= REGIONS) {
            Iterator<String> oldest = regions.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        regions.put(prefix, loaded);
        return loaded;
    }

    /** Reads the region's open warnings' keys, with COPY: a province holds hundreds of thousands. */
    private Keys load(String prefix, Counter counter, Connection connection) throws SQLException, IOException {
        if (!prefix.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("not a region prefix: " + prefix);
        }
        Keys keys = new Keys(prefix, counter);
        String sql = "copy (select household_id, id_number, rule_id from warning where status = 'OPEN' "
                + "and village_code like '" + prefix + "%') to stdout";
        try (InputStream out = new PGCopyInputStream(connection.unwrap(PGConnection.class), sql);
                BufferedReader lines =
                        new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8), 1 << 16)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                int first = line.indexOf('\t');
                int second = line.indexOf('\t', first + 1);
                String ruleId = line.substring(second + 1);
                if (line.startsWith("\\N\t")) {
                    keys.persons.add(personKey(line.substring(first + 1, second), ruleId));
                } else {
                    keys.households.add(householdKey(Long.parseLong(line, 0, first, 10), ruleId));
                }
            }
        }
        return keys;
    }

    /** A household's key of the rule; 0 (never held) when the id or the rule's number does not fit. */
    long householdKey(long householdId, String ruleId) {
        int rule = ruleNumber(ruleId);
        if (householdId <= 0 || householdId >= 1L << (63 - RULE_BITS) || rule >= 1 << RULE_BITS) {
            return 0;
        }
        return householdId << RULE_BITS | rule;
    }

    private synchronized int ruleNumber(String ruleId) {
        return ruleNumbers.computeIfAbsent(ruleId, id -> ruleNumbers.size());
    }

    static String personKey(String idNumber, String ruleId) {
        return idNumber + '\t' + ruleId;
    }

    /**
     * Adds the keys the caller's transaction raised to those held once it commits, if the counter then stands where
     * the run's own change left it; forgets every region's keys if it rolls back after changing warnings, or if the
     * warnings raised may not be exactly these ({@code exact} false: a concurrent run raised some of them).
     */
    void raised(Keys used, Raised raised, Counter after, boolean exact) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            forget();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED && exact) {
                    added(used.counter, raised, after);
                } else {
                    forget();
                }
            }
        });
    }

    /** After a commit: the regions current before the run take its new keys and the counter it left. */
    private synchronized void added(Counter before, Raised raised, Counter after) {
        regions.values().removeIf(keys -> !keys.counter.equals(before));
        for (Keys keys : regions.values()) {
            for (int i = 0; i < raised.households.size(); i++) {
                if (raised.householdVillages.get(i).startsWith(keys.prefix)) {
                    keys.households.add(raised.households.get(i));
                }
            }
            for (int i = 0; i < raised.persons.size(); i++) {
                if (raised.personVillages.get(i).startsWith(keys.prefix)) {
                    keys.persons.add(raised.persons.get(i));
                }
            }
            keys.counter = after;
        }
    }

    synchronized long loads() {
        return loads;
    }

    /** Forgets every region's keys: the next run reads its region's again. */
    synchronized void forget() {
        regions.clear();
    }

    /** The open warnings' keys of one region, as of a counter. */
    static final class Keys {

        private final String prefix;
        private Counter counter;
        private final LongSet households = new LongSet();
        private final Set<String> persons = new HashSet<>();

        private Keys(String prefix, Counter counter) {
            this.prefix = prefix;
            this.counter = counter;
        }

        boolean householdOpen(long key) {
            return key != 0 && households.contains(key);
        }

        boolean personOpen(String key) {
            return persons.contains(key);
        }

        int size() {
            return households.size() + persons.size();
        }
    }

    /** The keys a run raised, with the village code each warning was stored under. */
    static final class Raised {

        private final List<Long> households = new ArrayList<>();
        private final List<String> householdVillages = new ArrayList<>();
        private final List<String> persons = new ArrayList<>();
        private final List<String> personVillages = new ArrayList<>();

        void household(long key, String villageCode) {
            if (key != 0) {
                households.add(key);
                householdVillages.add(villageCode);
            }
        }

        void person(String key, String villageCode) {
            persons.add(key);
            personVillages.add(villageCode);
        }
    }

    /** A set of positive longs by open addressing: a province's keys in a few megabytes, not tens. */
    static final class LongSet {

        private long[] slots = new long[1024];
        private int size;

        boolean contains(long key) {
            int mask = slots.length - 1;
            for (int i = slot(key, mask); ; i = (i + 1) & mask) {
                if (slots[i] == key) {
                    return true;
                }
                if (slots[i] == 0) {
                    return false;
                }
            }
        }

        void add(long key) {
            if (key == 0) {
                return;
            }
            if (2 * (size + 1) > slots.length) {
                grow();
            }
            int mask = slots.length - 1;
            int i = slot(key, mask);
            while (slots[i] != 0) {
                if (slots[i] == key) {
                    return;
                }
                i = (i + 1) & mask;
            }
            slots[i] = key;
            size++;
        }

        int size() {
            return size;
        }

        private void grow() {
            long[] old = slots;
            slots = new long[old.length * 2];
            size = 0;
            for (long key : old) {
                if (key != 0) {
                    add(key);
                }
            }
        }

        private static int slot(long key, int mask) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }
    }
}
