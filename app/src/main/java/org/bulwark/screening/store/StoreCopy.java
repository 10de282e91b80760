package org.bulwark.screening.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.bulwark.screening.store.RefreshPlan.RecordsCopy;
import org.bulwark.screening.store.RefreshPlan.RegistryCopy;
import org.bulwark.screening.store.RefreshPlan.RegistryPlan;
import org.bulwark.screening.store.StoreFiles.Stamp;

/**
 * The writing of a refresh into a store folder, as its {@link RefreshPlan} decides: the registry (in part or in
 * full) and the categories copied again side by side, on lanes sharing the snapshot of the refresh's transaction
 * ({@link SnapshotLanes}), and the records inserted since appended to the other categories as a new segment. Each
 * step notes the segments it leaves, for the new stamp, and says what it did, for the log.
 */
final class StoreCopy {

    /** About how many record ids a range of a copy spans (BENCHMARKS.md, issue 18: the store's copy). */
    private static final long RANGE_IDS = 4_000_000;

    private final DataSource dataSource;
    private final int lanes;
    private final Path folder;
    private final Map<String, Map<String, String>> fieldsRead;

    StoreCopy(DataSource dataSource, int lanes, Path folder, Map<String, Map<String, String>> fieldsRead) {
        this.dataSource = dataSource;
        this.lanes = lanes;
        this.folder = folder;
        this.fieldsRead = fieldsRead;
    }

    /**
     * Copies the registry (when stale) and every category (when stale) side by side, on lanes reading the snapshot
     * of {@code connection}'s transaction; notes each category's segments. {@code held}: the registry held in
     * memory, if any, which a copy in part rewrites instead of reading the file. Returns what it did, for the log.
     */
    List<String> inLanes(Connection connection, RefreshPlan plan, RegistryColumns held, Map<String, Integer> segments)
            throws SQLException, IOException {
        long started = System.nanoTime();
        RegistryPlan registry = plan.registry();
        List<SnapshotLanes.Copy<String>> copies = new ArrayList<>();
        if (registry.copy() == RegistryCopy.STALE) {
            copies.add(lane -> registry(lane, registry, held));
        }
        AtomicLong copied = new AtomicLong();
        copies.addAll(categories(plan.records(), plan.now().maxId(), segments, copied));
        if (copies.isEmpty()) {
            return List.of();
        }
        List<String> results = SnapshotLanes.run(dataSource, SnapshotLanes.export(connection), lanes, copies);
        List<String> done = new ArrayList<>();
        if (registry.copy() == RegistryCopy.STALE) {
            done.add(results.get(0));
        }
        reportRecords(plan.records(), copied.get(), started, done);
        return done;
    }

    /**
     * The copies of the categories copied again, each one's old segments deleted first: one copy per range of record
     * ids, each reading every such category in one pass over its range and writing the range as a segment of each —
     * so the records are walked once whatever the number of categories, on every lane at once, and a lane holds one
     * range's columns at a time.
     */
    private List<SnapshotLanes.Copy<String>> categories(
            RecordsCopy records, long maxId, Map<String, Integer> segments, AtomicLong copied) throws IOException {
        if (records.copied().isEmpty()) {
            return List.of();
        }
        if (records.all(fieldsRead)) {
            StoreFiles.deleteSegments(folder);
        }
        Map<String, Map<String, String>> copying = new LinkedHashMap<>();
        for (String category : records.copied()) {
            StoreFiles.deleteSegments(folder, category);
            copying.put(category, fieldsRead.get(category));
        }
        long[] bounds = idRanges(maxId, lanes);
        copying.keySet().forEach(category -> segments.put(category, bounds.length - 1));
        List<SnapshotLanes.Copy<String>> copies = new ArrayList<>();
        for (int range = 0; range < bounds.length - 1; range++) {
            int segment = range;
            copies.add(lane -> range(lane, copying, segment, bounds[segment], bounds[segment + 1], copied));
        }
        return copies;
    }

    /**
     * The bounds of the id ranges a copy of records up to {@code maxId} is cut into: range k holds the ids above
     * bound k and up to bound k + 1. At least one range per lane, and more for many records, so that the lanes stay
     * busy to the end and each holds a few million records' columns at most.
     */
    static long[] idRanges(long maxId, int lanes) {
        int ranges = (int) Math.max(lanes, Math.min(64, (maxId + RANGE_IDS - 1) / RANGE_IDS));
        long[] bounds = new long[ranges + 1];
        for (int k = 1; k <= ranges; k++) {
            bounds[k] = Math.max(bounds[k - 1], Math.round((double) maxId * k / ranges));
        }
        bounds[ranges] = Math.max(maxId, 0);
        return bounds;
    }

    private void reportRecords(RecordsCopy records, long copied, long started, List<String> done) {
        long ms = (System.nanoTime() - started) / 1_000_000;
        if (records.all(fieldsRead)) {
            done.add(String.format("records copied (%,d) in %d ms", copied, ms));
        } else if (!records.copied().isEmpty()) {
            done.add(String.format(
                    "records copied in part (%s: %,d) in %d ms", String.join(", ", records.copied()), copied, ms));
        }
    }

    /**
     * Brings the registry file up to the snapshot: the changed households read again and merged into the registry
     * held (or its file), or the registry copied in full. Returns what it did, for the log.
     */
    private String registry(Connection connection, RegistryPlan plan, RegistryColumns held)
            throws SQLException, IOException {
        long started = System.nanoTime();
        Path file = StoreFiles.registryFile(folder);
        List<Long> changed = plan.changed();
        if (changed != null) {
            RegistryColumns before = held != null ? held : RegistryColumns.read(file);
            RegistryColumns after = changed.isEmpty()
                    ? before
                    : RegistryRewrite.of(before, RegistryChangeLog.households(connection, changed));
            if (!changed.isEmpty()) {
                after.write(file);
            }
            plan.rewritten()[0] = after;
            return String.format(
                    "registry copied in part (%,d of %,d households read again) in %d ms",
                    changed.size(), after.households, (System.nanoTime() - started) / 1_000_000);
        }
        RegistryColumns registry = RegistryColumns.copy(connection);
        registry.write(file);
        return String.format(
                "registry copied (%,d households, %,d persons) in %d ms",
                registry.households, registry.persons, (System.nanoTime() - started) / 1_000_000);
    }

    /** Copies the records of one id range of the categories, as segment {@code segment} of each. */
    private String range(
            Connection connection,
            Map<String, Map<String, String>> categories,
            int segment,
            long afterId,
            long upToId,
            AtomicLong copied)
            throws SQLException, IOException {
        Map<String, RecordColumns> part = RecordColumns.copy(connection, categories, afterId, upToId);
        for (Map.Entry<String, RecordColumns> category : part.entrySet()) {
            category.getValue().write(StoreFiles.segmentFile(folder, category.getKey(), segment));
            copied.addAndGet(category.getValue().size);
        }
        return "records " + afterId + "–" + upToId;
    }

    /**
     * Appends the records inserted since the old stamp to the categories not copied again, when the plan says so
     * (a stored batch), and notes their segments; returns what was appended, null when nothing was.
     */
    Map<String, RecordColumns> appendOthers(
            Connection connection, RefreshPlan plan, Map<String, Integer> segments, List<String> done)
            throws SQLException, IOException {
        Map<String, Map<String, String>> others = new LinkedHashMap<>(fieldsRead);
        others.keySet().removeAll(plan.records().copied());
        if (plan.records().appendOthers() && !others.isEmpty()) {
            return append(connection, others, plan.old(), segments, done);
        }
        others.keySet()
                .forEach(
                        category -> segments.put(category, plan.old().segments().getOrDefault(category, 0)));
        return null;
    }

    /** Appends the records above the old stamp's highest id as a new segment of each category that has some. */
    private Map<String, RecordColumns> append(
            Connection connection,
            Map<String, Map<String, String>> categories,
            Stamp old,
            Map<String, Integer> segments,
            List<String> done)
            throws SQLException, IOException {
        long started = System.nanoTime();
        int appended = 0;
        Map<String, RecordColumns> added = RecordColumns.copy(connection, categories, old.maxRecordId());
        for (Map.Entry<String, RecordColumns> category : added.entrySet()) {
            int count = old.segments().getOrDefault(category.getKey(), 0);
            if (category.getValue().size > 0) {
                category.getValue().write(StoreFiles.segmentFile(folder, category.getKey(), count));
                count++;
                appended += category.getValue().size;
            }
            segments.put(category.getKey(), count);
        }
        done.add(String.format("%,d records appended in %d ms", appended, (System.nanoTime() - started) / 1_000_000));
        return added;
    }
}
