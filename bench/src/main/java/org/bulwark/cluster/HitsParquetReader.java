package org.bulwark.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.bulwark.layout.LayoutReader;
import org.bulwark.layout.ParquetLayout.Hits;
import org.bulwark.screening.ClusterScreening.ClusterHit;

/**
 * Reads the hits the Spark job writes (docs/spark.md: {@code <dir>/province=<PP>/part-*.parquet}) of one province
 * or all: the files Spark completed, never its hidden or underscore files ({@code _SUCCESS}, {@code .crc}).
 */
public final class HitsParquetReader {

    private HitsParquetReader() {}

    /** The hits of the provinces whose code starts the region's code (all when {@code regionPrefix} is empty). */
    public static List<ClusterHit> read(Path dir, String regionPrefix) {
        List<ClusterHit> hits = new ArrayList<>();
        for (Path file : files(dir, regionPrefix)) {
            LayoutReader.read(file, row -> hits.add(hit(row)));
        }
        return hits;
    }

    private static List<Path> files(Path dir, String regionPrefix) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no hits directory " + dir);
        }
        String province = regionPrefix.length() >= 2 ? regionPrefix.substring(0, 2) : "";
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> {
                        String name = file.getFileName().toString();
                        return name.endsWith(".parquet") && !name.startsWith(".") && !name.startsWith("_");
                    })
                    .filter(file ->
                            file.getParent().getFileName().toString().startsWith(Hits.PROVINCE + "=" + province))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ClusterHit hit(Group row) {
        return new ClusterHit(
                present(row, Hits.HOUSEHOLD_ID) ? row.getLong(Hits.HOUSEHOLD_ID, 0) : null,
                text(row, Hits.ID_NUMBER),
                text(row, Hits.REGION_CODE),
                text(row, Hits.RULE_ID),
                text(row, Hits.RULE_VERSION),
                text(row, Hits.DIRECTION),
                text(row, Hits.RISK_TYPE),
                text(row, Hits.LEVEL),
                deadline(row),
                parameters(row),
                features(row),
                records(row));
    }

    private static boolean present(Group row, String field) {
        return row.getType().containsField(field) && row.getFieldRepetitionCount(field) > 0;
    }

    private static String text(Group row, String field) {
        return present(row, field) ? row.getString(field, 0) : null;
    }

    /** A date column, or (as the job's schema declares it before the cast) its ISO text. */
    private static LocalDate deadline(Group row) {
        if (row.getType().getType(Hits.DEADLINE).asPrimitiveType().getPrimitiveTypeName().javaType == int.class) {
            return LocalDate.ofEpochDay(row.getInteger(Hits.DEADLINE, 0));
        }
        return LocalDate.parse(row.getString(Hits.DEADLINE, 0));
    }

    /** A map column's entries ({@code key_value} groups of a key and a value), in the file's order. */
    private static List<Group> entries(Group row, String field) {
        List<Group> entries = new ArrayList<>();
        if (!present(row, field)) {
            return entries;
        }
        Group map = row.getGroup(field, 0);
        String repeated = map.getType().getType(0).getName();
        for (int i = 0; i < map.getFieldRepetitionCount(repeated); i++) {
            entries.add(map.getGroup(repeated, i));
        }
        return entries;
    }

    private static Map<String, Double> parameters(Group row) {
        Map<String, Double> parameters = new LinkedHashMap<>();
        for (Group entry : entries(row, Hits.PARAMETERS)) {
            parameters.put(entry.getString("key", 0), present(entry, "value") ? entry.getDouble("value", 0) : null);
        }
        return parameters;
    }

    private static Map<String, String> features(Group row) {
        Map<String, String> features = new LinkedHashMap<>();
        for (Group entry : entries(row, Hits.FEATURES)) {
            features.put(entry.getString("key", 0), text(entry, "value"));
        }
        return features;
    }

    /** Each feature's record ids: a list group of {@code list} groups holding an {@code element}. */
    private static Map<String, long[]> records(Group row) {
        Map<String, long[]> records = new LinkedHashMap<>();
        for (Group entry : entries(row, Hits.RECORDS)) {
            long[] ids = new long[0];
            if (present(entry, "value")) {
                Group list = entry.getGroup("value", 0);
                String repeated = list.getType().getType(0).getName();
                int n = list.getFieldRepetitionCount(repeated);
                ids = new long[n];
                for (int i = 0; i < n; i++) {
                    Group element = list.getGroup(repeated, i);
                    ids[i] = element.getLong(element.getType().getType(0).getName(), 0);
                }
            }
            records.put(entry.getString("key", 0), ids);
        }
        return records;
    }
}
