package org.bulwark.screening.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bulwark.exchange.DepartmentRecordFeed;
import org.bulwark.platform.ChangeCounters;
import org.bulwark.screening.store.StoreFiles.Stamp;

/**
 * What a refresh of the store copies, decided from the snapshot being copied ({@code now}) and the stamp of the
 * files ({@code old}, null when there are none yet): whether the registry is fresh, kept behind, or copied again — in
 * part, from the households the change log names, or in full — and which categories are copied again in full, get
 * the records inserted since as a new segment, or stay as they are.
 */
record RefreshPlan(Snapshot now, Stamp old, RegistryPlan registry, RecordsCopy records) {

    /**
     * Decides what the refresh copies; {@code recordsOnly}: leaves a registry that is behind to the next full
     * refresh; {@code resident}: the copy held in memory, if any (it tells the size of the registry held).
     */
    static RefreshPlan of(
            Connection connection,
            Path folder,
            Map<String, Map<String, String>> fieldsRead,
            String signature,
            boolean recordsOnly,
            ResidentStore resident)
            throws SQLException, IOException {
        Snapshot now = Snapshot.read(connection);
        Stamp old = StoreFiles.hasStamp(folder) ? StoreFiles.readStamp(folder) : null;
        RegistryCopy registry = registryCopy(folder, old, now, recordsOnly);
        RecordsCopy records = recordsCopy(connection, fieldsRead, signature, old, now);
        List<Long> changed =
                registry == RegistryCopy.STALE ? changedHouseholds(connection, folder, old, now, resident) : null;
        return new RefreshPlan(now, old, new RegistryPlan(registry, changed, new RegistryColumns[1]), records);
    }

    /**
     * Whether the copy held in memory stays held through the refresh: it holds the old snapshot, no category is
     * copied again, and the registry is fresh, kept, or brought up to date in part.
     */
    boolean keepsResident(ResidentStore resident, Map<String, Map<String, String>> fieldsRead) {
        return resident != null
                && resident.stamp().equals(old)
                && resident.holds(fieldsRead)
                && records.copied().isEmpty()
                && (registry.copy() != RegistryCopy.STALE || registry.changed() != null);
    }

    /** Whether the refresh leaves the files as they are: nothing to copy, read again or append. */
    boolean changesNothing() {
        return registry.copy() != RegistryCopy.STALE && records.copied().isEmpty() && !records.appendOthers();
    }

    /** The stamp of the files once refreshed: a registry kept behind stays marked as of its own snapshot. */
    Stamp stamp(String signature, Map<String, Integer> segments) {
        boolean kept = registry.copy() == RegistryCopy.KEPT;
        return new Stamp(
                kept ? old.registry() : now.registry(),
                kept ? old.logged() : now.logged(),
                now.inserted(),
                now.changed(),
                now.maxId(),
                signature,
                segments,
                now.named(),
                now.byCategory());
    }

    /** The change counters and highest record id of the snapshot being copied. */
    record Snapshot(Map<String, Long> counters, long maxId) {

        static Snapshot read(Connection connection) throws SQLException {
            Map<String, Long> counters = ChangeCounters.readAll(connection);
            // the highest id stored, in the same snapshot (the exchange knows how to find it cheaply)
            return new Snapshot(counters, DepartmentRecordFeed.highestId(connection));
        }

        long registry() {
            return counters.getOrDefault("registry", 0L);
        }

        long logged() {
            return counters.getOrDefault(RegistryChangeLog.LOGGED, -1L);
        }

        long inserted() {
            return counters.getOrDefault("records_inserted", 0L);
        }

        long changed() {
            return counters.getOrDefault("records_changed", 0L);
        }

        long named() {
            return counters.getOrDefault(StoreFiles.NAMED, -1L);
        }

        /** The changes counted by category (V92), of the categories that had any. */
        Map<String, Long> byCategory() {
            Map<String, Long> counts = new LinkedHashMap<>();
            counters.forEach((source, count) -> {
                if (source.startsWith(StoreFiles.BY_CATEGORY)) {
                    counts.put(source.substring(StoreFiles.BY_CATEGORY.length()), count);
                }
            });
            return counts;
        }
    }

    /** What becomes of the store's registry file in a refresh. */
    enum RegistryCopy {
        /** It reflects the snapshot's registry already. */
        FRESH,
        /** It is behind, and stays so, marked as of its own snapshot: appending a batch need not wait for a copy. */
        KEPT,
        /** It is behind (or missing) and is copied again. */
        STALE
    }

    /**
     * What becomes of the records files in a refresh: the categories copied again in full (every one when records
     * were changed in ways the counters by category do not account for), and whether the others get the records
     * inserted since as a new segment (a stored batch) or stay as they are.
     */
    record RecordsCopy(Set<String> copied, boolean appendOthers) {

        boolean all(Map<String, Map<String, String>> fieldsRead) {
            return !copied.isEmpty() && copied.containsAll(fieldsRead.keySet());
        }
    }

    private static RegistryCopy registryCopy(Path folder, Stamp old, Snapshot now, boolean recordsOnly) {
        boolean exists = Files.exists(StoreFiles.registryFile(folder));
        if (old != null && old.registry() == now.registry() && exists) {
            return RegistryCopy.FRESH;
        }
        return recordsOnly && old != null && exists ? RegistryCopy.KEPT : RegistryCopy.STALE;
    }

    private static RecordsCopy recordsCopy(
            Connection connection,
            Map<String, Map<String, String>> fieldsRead,
            String signature,
            Stamp old,
            Snapshot now)
            throws SQLException {
        RecordsCopy everything = new RecordsCopy(fieldsRead.keySet(), false);
        if (old == null || !old.fields().equals(signature)) {
            return everything;
        }
        Set<String> copied = changedCategories(fieldsRead, old, now);
        if (copied == null) {
            return everything;
        }
        if (now.inserted() == old.inserted()) {
            return new RecordsCopy(copied, false);
        }
        // every row inserted since the snapshot must lie above its highest id; otherwise copy everything again
        if (old.inserted() + DepartmentRecordFeed.countAbove(connection, old.maxRecordId()) == now.inserted()) {
            return new RecordsCopy(copied, true);
        }
        return everything;
    }

    /**
     * The categories read whose records were updated or deleted since the old stamp, by the counters of V92; null
     * when those do not account for every change since (a truncate, or a store copied before V92).
     */
    private static Set<String> changedCategories(Map<String, Map<String, String>> fieldsRead, Stamp old, Snapshot now) {
        if (old.changed() == now.changed()) {
            return Set.of();
        }
        if (old.named() < 0 || now.named() - old.named() != now.changed() - old.changed()) {
            return null;
        }
        Map<String, Long> before = old.byCategory();
        Map<String, Long> after = now.byCategory();
        Set<String> changed = new LinkedHashSet<>();
        for (String category : fieldsRead.keySet()) {
            if (!before.getOrDefault(category, 0L).equals(after.getOrDefault(category, 0L))) {
                changed.add(category);
            }
        }
        return changed;
    }

    /**
     * How the registry is brought up to the snapshot: {@code changed}, the households changed since the old copy when
     * the change log (V23, V91) tells them and they are few enough, else null (a full copy); the registry rewritten
     * from them is left in {@code rewritten}.
     */
    record RegistryPlan(RegistryCopy copy, List<Long> changed, RegistryColumns[] rewritten) {}

    /**
     * The households changed since the old copy when the change log tells them and they are at most a quarter of
     * those held, else null: then reading them one by one would cost more than a full copy.
     */
    private static List<Long> changedHouseholds(
            Connection connection, Path folder, Stamp old, Snapshot now, ResidentStore resident) throws SQLException {
        if (old == null || !Files.exists(StoreFiles.registryFile(folder))) {
            return null;
        }
        List<Long> changed = RegistryChangeLog.changedSince(connection, old.logged(), now.counters());
        // a household read again costs about five times what a full copy spends on one (BENCHMARKS.md)
        return changed != null && changed.size() <= registryHouseholds(folder, old, resident) / 4 ? changed : null;
    }

    /** How many households the registry of the old stamp holds (the header of its file, or the copy held). */
    private static long registryHouseholds(Path folder, Stamp old, ResidentStore resident) {
        if (resident != null && resident.stamp().equals(old)) {
            return resident.registry.households;
        }
        try {
            return RegistryColumns.householdCount(StoreFiles.registryFile(folder));
        } catch (IOException e) {
            return 0;
        }
    }
}
