package org.bulwark.spark.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.bulwark.layout.LayoutReader;
import org.bulwark.layout.ParquetLayout;

/**
 * A larger workload made from a generated (or exported) layout by copying it, said as such: the first pass writes the
 * source as it is, each further pass writes it again as other provinces ({@link ProvinceCopy}: the real province
 * codes the source does not hold, in {@link NationalGenerator#PROVINCES}' order), until a county — the first six
 * digits of a village code, counties taken in code order — brings the households written to the target. Each
 * source file is streamed into a file of its own per pass, so memory holds a row group per table and thread
 * whatever the sizes; a file holding several counties (a province's export) has the rows of the counties past the
 * target left out of the last pass.
 */
public final class LayoutCopy {

    /** What to copy: the source layout, the households wanted and where to write them. */
    public record Plan(Path source, long households, Path output, int threads) {}

    /** What was written: households as whole counties, and all rows of the four tables. */
    public record Written(long households, long rows, int counties, int passes, double seconds) {}

    /** A source file name (the same in the four tables) of a province, and its households by county in code order. */
    record Part(String province, String name, TreeMap<String, Long> counties) {}

    /**
     * One file of the output: a source part written as a province in a pass, with the counties the pass keeps
     * ({@code whole} when it keeps all).
     */
    record Task(Part part, ProvinceCopy copy, Set<String> counties, boolean whole) {}

    /** The files to write, and the households, counties and passes they hold. */
    record Copies(List<Task> tasks, long households, int counties, int passes) {}

    private static final List<MessageType> TABLES =
            List.of(ParquetLayout.HOUSEHOLDS, ParquetLayout.PERSONS, ParquetLayout.INCOMES, ParquetLayout.RECORDS);

    private LayoutCopy() {}

    /** Copies the plan; {@code progress} hears a line per file written. */
    public static Written copy(Plan plan, Consumer<String> progress) throws Exception {
        long started = System.nanoTime();
        if (plan.source()
                .toAbsolutePath()
                .normalize()
                .equals(plan.output().toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("the copy must go to a directory other than its source");
        }
        Copies copies = copies(parts(plan.source()), plan.households());
        AtomicLong rows = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, plan.threads()));
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Task task : copies.tasks()) {
                done.add(pool.submit(() -> {
                    long written = copy(plan, task);
                    rows.addAndGet(written);
                    progress.accept(String.format(
                            "%s as province %s: %,d rows",
                            task.part().name(), task.copy().to(), written));
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Path rules = plan.source().resolve("rules.yaml");
        if (Files.exists(rules)) {
            Files.copy(rules, plan.output().resolve("rules.yaml"), StandardCopyOption.REPLACE_EXISTING);
        }
        return new Written(
                copies.households(),
                rows.get(),
                copies.counties(),
                copies.passes(),
                (System.nanoTime() - started) / 1e9);
    }

    /** The source's parts, by province and name, with their households counted by county. */
    static List<Part> parts(Path source) throws IOException {
        Path households = source.resolve(ParquetLayout.HOUSEHOLDS.getName());
        List<Part> parts = new ArrayList<>();
        for (Path province : sorted(households)) {
            String code = province.getFileName().toString().substring("province=".length());
            for (Path file : sorted(province)) {
                String fileName = file.getFileName().toString();
                if (!fileName.startsWith("part-") || !fileName.endsWith(".parquet")) {
                    continue;
                }
                TreeMap<String, Long> counties = new TreeMap<>();
                LayoutReader.households(
                        file, h -> counties.merge(h.villageCode().substring(0, 6), 1L, Long::sum));
                String name = fileName.substring("part-".length(), fileName.length() - ".parquet".length());
                parts.add(new Part(code, name, counties));
            }
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no households under " + households);
        }
        return parts;
    }

    private static List<Path> sorted(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    /**
     * The files to write: pass after pass over the parts, county after county in code order, up to the first county
     * that brings the households to the target. A part without households (a village's records) goes with every
     * pass, its rows kept as their county is.
     */
    static Copies copies(List<Part> parts, long target) {
        List<String> sourceProvinces = provinces(parts);
        List<String> free = new ArrayList<>(NationalGenerator.PROVINCES);
        free.removeAll(sourceProvinces);
        TreeMap<String, Long> counties = new TreeMap<>();
        parts.forEach(part -> part.counties().forEach((county, n) -> counties.merge(county, n, Long::sum)));
        List<Task> tasks = new ArrayList<>();
        long households = 0;
        int countiesWritten = 0;
        int pass = 0;
        for (; households < target; pass++) {
            if (pass > 0 && free.size() < pass * sourceProvinces.size()) {
                throw new IllegalArgumentException(String.format(
                        "the source's %,d households in %d province(s) reach at most %,d households as the 31 "
                                + "provinces; generate a larger source",
                        households / pass, sourceProvinces.size(), households));
            }
            Set<String> selected = new HashSet<>();
            for (Map.Entry<String, Long> county : counties.entrySet()) {
                if (households >= target) {
                    break;
                }
                selected.add(county.getKey());
                households += county.getValue();
            }
            countiesWritten += selected.size();
            boolean whole = selected.size() == counties.size();
            for (Part part : parts) {
                if (!part.counties().isEmpty()
                        && Collections.disjoint(part.counties().keySet(), selected)) {
                    continue;
                }
                String to = pass == 0
                        ? part.province()
                        : free.get((pass - 1) * sourceProvinces.size() + sourceProvinces.indexOf(part.province()));
                tasks.add(new Task(part, new ProvinceCopy(part.province(), to), selected, whole));
            }
        }
        return new Copies(tasks, households, countiesWritten, pass);
    }

    private static List<String> provinces(List<Part> parts) {
        return parts.stream().map(Part::province).distinct().toList();
    }

    /** Copies a part's four files into the output as the task's province; the rows written. */
    private static long copy(Plan plan, Task task) throws IOException {
        Part part = task.part();
        ProvinceCopy copy = task.copy();
        String file = "part-" + part.name() + ".parquet";
        String name = "part-" + copy.to() + part.name().substring(2) + ".parquet";
        long rows = 0;
        for (MessageType table : TABLES) {
            Path source = plan.source()
                    .resolve(table.getName())
                    .resolve("province=" + part.province())
                    .resolve(file);
            Path target = plan.output()
                    .resolve(table.getName())
                    .resolve("province=" + copy.to())
                    .resolve(name);
            if (!Files.exists(source)) {
                throw new IOException("the source has no " + source);
            }
            if (task.whole() && copy.unchanged()) {
                Files.createDirectories(target.getParent());
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                rows += rows(source);
            } else {
                rows += ColumnCopy.copy(
                        source,
                        target,
                        copy,
                        task.whole() ? null : county -> task.counties().contains(county));
            }
        }
        return rows;
    }

    /** The rows of a file, from its footer. */
    private static long rows(Path file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            return reader.getRecordCount();
        }
    }
}
