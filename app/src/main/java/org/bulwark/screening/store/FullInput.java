package org.bulwark.screening.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.bulwark.core.screening.RecordTable;
import org.bulwark.screening.store.StoreFiles.Stamp;

/**
 * A full run's inputs from the store: its registry tables, built, and its records' tables, being built on the pool by
 * category.
 */
record FullInput(StoreInput registry, Map<String, Future<StoreInput.Records>> records) {

    /** From the copy held in memory: each category's records are already one set of columns. */
    static FullInput fromMemory(
            ResidentStore held,
            Map<String, Map<String, String>> fieldsRead,
            String regionPrefix,
            LocalDate asOf,
            ExecutorService pool) {
        StoreInput input = new StoreInput(held.registry, held.householdIds, held.personIds, regionPrefix, asOf);
        Map<String, Future<StoreInput.Records>> records = new LinkedHashMap<>();
        for (String category : fieldsRead.keySet()) {
            RecordColumns all = held.records(category);
            Map<String, String> fields = fieldsRead.get(category);
            records.put(category, pool.submit(() -> input.records(List.of(all), fields)));
        }
        return new FullInput(input, records);
    }

    /** From the files: the registry and each category's segments read on the pool side by side. */
    static FullInput fromFiles(
            Path folder,
            Map<String, Map<String, String>> fieldsRead,
            String regionPrefix,
            LocalDate asOf,
            ExecutorService pool)
            throws IOException, InterruptedException, ExecutionException {
        Stamp stamp = StoreFiles.readStamp(folder);
        Future<RegistryColumns> registry = pool.submit(() -> RegistryColumns.read(StoreFiles.registryFile(folder)));
        Map<String, Future<List<RecordColumns>>> segments = StoreFiles.readSegments(folder, stamp, fieldsRead, pool);
        StoreInput input = new StoreInput(registry.get(), regionPrefix, asOf);
        Map<String, Future<StoreInput.Records>> records = new LinkedHashMap<>();
        for (Map.Entry<String, Future<List<RecordColumns>>> entry : segments.entrySet()) {
            List<RecordColumns> read = entry.getValue().get();
            Map<String, String> fields = fieldsRead.get(entry.getKey());
            records.put(entry.getKey(), pool.submit(() -> input.records(read, fields)));
        }
        return new FullInput(input, records);
    }

    /** The run's inputs, once every category's table is built; {@code refreshed}: what catching up did. */
    ScreeningStore.Input input(String refreshed) throws InterruptedException, ExecutionException {
        Map<String, RecordTable> tables = new HashMap<>();
        Map<String, long[]> ids = new HashMap<>();
        int count = 0;
        for (Map.Entry<String, Future<StoreInput.Records>> entry : records.entrySet()) {
            StoreInput.Records built = entry.getValue().get();
            tables.put(entry.getKey(), built.table());
            ids.put(entry.getKey(), built.ids());
            count += built.table().size();
        }
        return new ScreeningStore.Input(registry.households, registry.persons, tables, ids, count, refreshed);
    }
}
