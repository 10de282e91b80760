package org.bulwark.screening.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The files of one store folder: its stamp (the snapshot the files reflect), the registry file, and each category's
 * records as segments — first those of a copy, one per range of record ids, then one per stored batch appended —
 * numbered in order.
 */
final class StoreFiles {

    private static final String STAMP = "store.properties";
    private static final String REGISTRY = "registry.col";
    /** The change counters by category (V92), which the stamp keeps under the names the database gives them. */
    static final String NAMED = "records_changed_named";

    static final String BY_CATEGORY = "records_changed:";

    private StoreFiles() {}

    /**
     * The counters and position of a copied snapshot, and what it holds; {@code logged}: the registry change log's
     * position (V23) its registry reflects, -1 when not known (a store copied before the log existed); {@code named}
     * and {@code byCategory}: the changes to records accounted for by category (V92), -1 when not known.
     */
    record Stamp(
            long registry,
            long logged,
            long inserted,
            long changed,
            long maxRecordId,
            String fields,
            Map<String, Integer> segments,
            long named,
            Map<String, Long> byCategory) {}

    /** Whether the folder holds a store: its stamp is written last, once every file it names is. */
    static boolean hasStamp(Path folder) {
        return Files.exists(folder.resolve(STAMP));
    }

    static Path registryFile(Path folder) {
        return folder.resolve(REGISTRY);
    }

    static Stamp readStamp(Path folder) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(folder.resolve(STAMP))) {
            properties.load(in);
        }
        return new Stamp(
                Long.parseLong(properties.getProperty("registry")),
                Long.parseLong(properties.getProperty("registry_logged", "-1")),
                Long.parseLong(properties.getProperty("records_inserted")),
                Long.parseLong(properties.getProperty("records_changed")),
                Long.parseLong(properties.getProperty("max_record_id")),
                properties.getProperty("fields"),
                prefixed(properties, "segments.", Integer::parseInt),
                Long.parseLong(properties.getProperty(NAMED, "-1")),
                prefixed(properties, BY_CATEGORY, Long::parseLong));
    }

    /** The properties named with the prefix, by the rest of their name, in the order of their names. */
    private static <T> Map<String, T> prefixed(Properties properties, String prefix, Function<String, T> parse) {
        Map<String, T> values = new LinkedHashMap<>();
        properties.stringPropertyNames().stream()
                .filter(name -> name.startsWith(prefix))
                .sorted()
                .forEach(
                        name -> values.put(name.substring(prefix.length()), parse.apply(properties.getProperty(name))));
        return values;
    }

    static void writeStamp(Path folder, Stamp stamp) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("registry", Long.toString(stamp.registry()));
        properties.setProperty("registry_logged", Long.toString(stamp.logged()));
        properties.setProperty("records_inserted", Long.toString(stamp.inserted()));
        properties.setProperty("records_changed", Long.toString(stamp.changed()));
        properties.setProperty("max_record_id", Long.toString(stamp.maxRecordId()));
        properties.setProperty("fields", stamp.fields());
        stamp.segments()
                .forEach((category, count) -> properties.setProperty("segments." + category, Integer.toString(count)));
        properties.setProperty(NAMED, Long.toString(stamp.named()));
        stamp.byCategory()
                .forEach((category, count) -> properties.setProperty(BY_CATEGORY + category, Long.toString(count)));
        Path partial = folder.resolve(STAMP + ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            properties.store(out, "screening store snapshot");
        }
        Files.move(partial, folder.resolve(STAMP), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Each category's segments the stamp names, read on the pool side by side. */
    static Map<String, Future<List<RecordColumns>>> readSegments(
            Path folder, Stamp stamp, Map<String, Map<String, String>> fieldsRead, ExecutorService pool) {
        Map<String, Future<List<RecordColumns>>> segments = new LinkedHashMap<>();
        for (String category : fieldsRead.keySet()) {
            int count = stamp.segments().getOrDefault(category, 0);
            segments.put(category, pool.submit(() -> readSegments(folder, category, count)));
        }
        return segments;
    }

    static List<RecordColumns> readSegments(Path folder, String category, int count) throws IOException {
        List<RecordColumns> segments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            segments.add(RecordColumns.read(segmentFile(folder, category, i)));
        }
        if (segments.isEmpty()) {
            throw new IllegalStateException("the screening store has no records of " + category);
        }
        return segments;
    }

    static Path segmentFile(Path folder, String category, int segment) {
        return folder.resolve("records").resolve(category + "." + segment + ".col");
    }

    /** Deletes one category's segments, before it is copied again. */
    static void deleteSegments(Path folder, String category) throws IOException {
        Path records = folder.resolve("records");
        Files.createDirectories(records);
        try (Stream<Path> files = Files.list(records)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(category + ".")
                        && name.substring(category.length() + 1).matches("\\d+\\.col")) {
                    Files.delete(file);
                }
            }
        }
    }

    static void deleteSegments(Path folder) throws IOException {
        Path records = folder.resolve("records");
        if (Files.exists(records)) {
            try (Stream<Path> files = Files.list(records)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(records);
    }
}
