package org.bulwark.screening.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.core.screening.DateFlag;
import org.bulwark.exchange.DepartmentRecordFeed;
import org.bulwark.platform.database.BinaryCopyRows;

/**
 * One category's department records as the screening rules read them, in record-id order: id, household and
 * person (database ids, -1 when not matched), date, the fields the rules read (numbers as doubles; texts as codes
 * into a dictionary; flags, which the catalogue may keep as dates, as {@link #FLAG_FALSE}, {@link #FLAG_TRUE} or the
 * date's epoch day, decided against the as-of date when read), and, for records without a person, the identity
 * number, village code and region code they carry.
 */
final class RecordColumns {

    static final int FLAG_FALSE = Integer.MIN_VALUE;
    static final int FLAG_TRUE = Integer.MAX_VALUE;
    private static final int MAGIC = 0x42575243; // "BWRC"

    final String category;
    final Map<String, String> fields;
    int size;
    long[] id;
    int[] household;
    int[] person;
    int[] day;
    /** Rows without a person, and what they carry; texts are codes into {@link #looseTexts}. */
    int looseCount;

    int[] looseRow;
    String[] looseIdNumber;
    int[] looseVillage;
    int[] looseRegion;
    final List<String> looseTexts = new ArrayList<>(List.of(""));
    final Map<String, double[]> numbers = new LinkedHashMap<>();
    final Map<String, int[]> texts = new LinkedHashMap<>();
    final Map<String, List<String>> dictionaries = new LinkedHashMap<>();
    final Map<String, int[]> flags = new LinkedHashMap<>();

    /** Set by the copy: where each field's cells lie, each text field's codes, the columns by field position. */
    private int[][] cellsOf;

    private Map<String, Integer>[] codesOf;
    private double[][] numberColumns;
    private int[][] textColumns;
    private int[][] flagColumns;

    private RecordColumns(String category, Map<String, String> fields, int capacity) {
        this.category = category;
        this.fields = new LinkedHashMap<>(fields);
        allocate(capacity);
    }

    private void allocate(int capacity) {
        id = new long[capacity];
        household = new int[capacity];
        person = new int[capacity];
        day = new int[capacity];
        looseRow = new int[16];
        looseIdNumber = new String[16];
        looseVillage = new int[16];
        looseRegion = new int[16];
        fields.forEach((field, type) -> {
            switch (type) {
                case "number" -> numbers.put(field, new double[capacity]);
                case "text" -> {
                    texts.put(field, new int[capacity]);
                    dictionaries.put(field, new ArrayList<>(List.of("")));
                }
                default -> flags.put(field, new int[capacity]);
            }
        });
    }

    /**
     * Copies the records of the given categories with an id above {@code afterId} out of the database, in one
     * statement through {@code connection} (whose transaction decides the snapshot); categories without such records
     * come back empty.
     */
    static Map<String, RecordColumns> copy(
            Connection connection, Map<String, Map<String, String>> categories, long afterId) throws SQLException {
        return copy(connection, categories, afterId, Long.MAX_VALUE);
    }

    /** As {@link #copy(Connection, Map, long)}, of the records with an id up to {@code upToId} only. */
    static Map<String, RecordColumns> copy(
            Connection connection, Map<String, Map<String, String>> categories, long afterId, long upToId)
            throws SQLException {
        List<String> sources = documentFields(categories);
        Map<String, RecordColumns> out = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> textCodes = new HashMap<>();
        Map<String, Map<String, Integer>> looseCodes = new HashMap<>();
        categories.forEach((category, fields) -> out.put(category, new RecordColumns(category, fields, 1024)));
        String[] cells = new String[sources.size()];
        DocumentFields document = new DocumentFields(sources);
        RecordColumns[] byPosition = out.values().toArray(RecordColumns[]::new);
        byte[][] names = out.keySet().stream()
                .map(name -> name.getBytes(StandardCharsets.UTF_8))
                .toArray(byte[][]::new);
        // the exchange owns department_record and runs the copy; its columns are in the order documented there
        try (BinaryCopyRows rows =
                new BinaryCopyRows(DepartmentRecordFeed.copyForScreening(connection, out.keySet(), afterId, upToId))) {
            while (rows.next()) {
                long id = rows.int8(-1);
                RecordColumns columns = byPosition[rows.oneOf(names)];
                int r = columns.grow();
                columns.id[r] = id;
                columns.household[r] = intId(rows.int8(-1));
                columns.person[r] = intId(rows.int8(-1));
                columns.day[r] = rows.day(0);
                String idNumber = rows.text();
                String village = rows.text();
                String region = rows.text();
                document(rows, document, cells);
                if (columns.person[r] < 0) {
                    Map<String, Integer> codes = looseCodes.computeIfAbsent(columns.category, c -> new HashMap<>());
                    columns.addLoose(
                            r,
                            idNumber,
                            code(columns.looseTexts, codes, village),
                            code(columns.looseTexts, codes, region));
                }
                columns.setFields(r, cells, sources, textCodes);
            }
        }
        return out;
    }

    /** The next value, a record's JSON document, read by {@code fields} into {@code cells} (all null when null). */
    private static void document(BinaryCopyRows rows, DocumentFields fields, String[] cells) {
        int length = rows.valueLength();
        if (length < 0) {
            Arrays.fill(cells, null);
            return;
        }
        fields.read(rows.row(), rows.at(), rows.at() + length, cells);
        rows.skip(length);
    }

    /** Every document field any of the categories reads (flags with the dates that may stand for them), once. */
    private static List<String> documentFields(Map<String, Map<String, String>> categories) {
        List<String> sources = new ArrayList<>();
        categories
                .values()
                .forEach(fields -> fields.forEach((field, type) -> {
                    addOnce(sources, field);
                    if ("flag".equals(type)) {
                        dateCandidates(field).forEach(candidate -> addOnce(sources, candidate));
                    }
                }));
        return sources;
    }

    /**
     * Sets row {@code r}'s fields from the copied document cells (in the order of {@code sources}): numbers parsed,
     * texts coded into the field's dictionary, flags from their own cell or the dates that may stand for them.
     */
    private void setFields(int r, String[] cells, List<String> sources, Map<String, Map<String, Integer>> textCodes) {
        if (cellsOf == null) {
            locateCells(sources, textCodes);
        }
        int f = 0;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            int[] at = cellsOf[f];
            String value = cells[at[0]];
            switch (field.getValue()) {
                case "number" -> numberColumns[f][r] = number(value);
                case "text" -> textColumns[f][r] = code(dictionaries.get(field.getKey()), codesOf[f], value);
                default -> {
                    String[] dates = new String[at.length - 1];
                    for (int i = 0; i < dates.length; i++) {
                        dates[i] = cells[at[i + 1]];
                    }
                    flagColumns[f][r] = flag(value, dates);
                }
            }
            f++;
        }
    }

    /**
     * Notes, once per copy, where each field's cell (and a flag's dates' cells) lie among the copied document
     * fields, and each text field's codes: looked up by name for every row, they cost more than the row itself.
     * The columns are noted again after each {@link #grow}.
     */
    private void locateCells(List<String> sources, Map<String, Map<String, Integer>> textCodes) {
        int n = fields.size();
        cellsOf = new int[n][];
        codesOf = new Map[n];
        int f = 0;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            List<String> candidates = "number".equals(field.getValue()) || "text".equals(field.getValue())
                    ? List.of()
                    : dateCandidates(field.getKey());
            int[] at = new int[1 + candidates.size()];
            at[0] = sources.indexOf(field.getKey());
            for (int i = 0; i < candidates.size(); i++) {
                at[i + 1] = sources.indexOf(candidates.get(i));
            }
            cellsOf[f] = at;
            if ("text".equals(field.getValue())) {
                codesOf[f] = textCodes.computeIfAbsent(category + "." + field.getKey(), k -> new HashMap<>());
            }
            f++;
        }
        noteColumns();
    }

    /** The columns by field position, as {@link #setFields} writes them. */
    private void noteColumns() {
        int n = fields.size();
        numberColumns = new double[n][];
        textColumns = new int[n][];
        flagColumns = new int[n][];
        int f = 0;
        for (String field : fields.keySet()) {
            numberColumns[f] = numbers.get(field);
            textColumns[f] = texts.get(field);
            flagColumns[f] = flags.get(field);
            f++;
        }
    }

    private static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    /** The flag's date fields, in the order {@link DateFlag#sourceField} tries them. */
    private static List<String> dateCandidates(String flag) {
        List<String> names = new ArrayList<>(List.of(flag + "_date"));
        if (flag.endsWith("ed")) {
            names.add(flag.substring(0, flag.length() - 2) + "_date");
        }
        return names;
    }

    /** A flag as stored: its own value when the record has one, else the first non-blank date standing for it. */
    private static int flag(String value, String[] dates) {
        if (value != null) {
            return Boolean.parseBoolean(value) ? FLAG_TRUE : FLAG_FALSE;
        }
        for (String date : dates) {
            if (date != null) {
                // the first date field present decides, as DateFlag.sourceField picks it, even when blank
                return date.isBlank() ? FLAG_FALSE : CopyRows.epochDay(date);
            }
        }
        return FLAG_FALSE;
    }

    /** Whether a stored flag holds on the as-of day (a date flag holds once its date has come). */
    static boolean holds(int stored, int asOfDay) {
        return stored != FLAG_FALSE && (stored == FLAG_TRUE || stored <= asOfDay);
    }

    private static final double[] POWERS_OF_TEN = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12};

    /** A number field as the engine reads the stored document: unparseable or absent is 0. */
    static double number(String value) {
        if (value == null) {
            return 0;
        }
        double plain = plainDecimal(value);
        if (!Double.isNaN(plain)) {
            return plain;
        }
        try {
            double parsed = Double.parseDouble(value);
            return Double.isFinite(parsed) ? parsed : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * A number written as plain digits with at most one point and twelve decimals, up to 15 digits in all ("1200.50",
     * "-3"), as {@code Double.parseDouble} reads it, without its general parser: the digits are exact in a double and
     * so is the power of ten, so the one division rounds as the parser does. NaN for anything else.
     */
    private static double plainDecimal(String value) {
        int length = value.length();
        int i = length > 0 && value.charAt(0) == '-' ? 1 : 0;
        if (i == length || length - i > 16) {
            return Double.NaN;
        }
        long digits = 0;
        int count = 0;
        int decimals = -1;
        for (; i < length; i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = digits * 10 + (c - '0');
                count++;
                if (decimals >= 0) {
                    decimals++;
                }
            } else if (c == '.' && decimals < 0) {
                decimals = 0;
            } else {
                return Double.NaN;
            }
        }
        if (count == 0 || count > 15 || decimals == 0 || decimals > 12) {
            return Double.NaN;
        }
        double magnitude = decimals > 0 ? digits / POWERS_OF_TEN[decimals] : digits;
        return value.charAt(0) == '-' ? -magnitude : magnitude;
    }

    private static int code(List<String> dictionary, Map<String, Integer> codes, String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        return codes.computeIfAbsent(text, t -> {
            dictionary.add(t);
            return dictionary.size() - 1;
        });
    }

    private static int intId(long id) {
        if (id > Integer.MAX_VALUE) {
            throw new IllegalStateException("registry id " + id + " is beyond what the screening store keeps");
        }
        return (int) id;
    }

    private int grow() {
        if (size == id.length) {
            int capacity = size * 2;
            id = Arrays.copyOf(id, capacity);
            household = Arrays.copyOf(household, capacity);
            person = Arrays.copyOf(person, capacity);
            day = Arrays.copyOf(day, capacity);
            numbers.replaceAll((k, v) -> Arrays.copyOf(v, capacity));
            texts.replaceAll((k, v) -> Arrays.copyOf(v, capacity));
            flags.replaceAll((k, v) -> Arrays.copyOf(v, capacity));
            if (cellsOf != null) {
                noteColumns();
            }
        }
        return size++;
    }

    private void addLoose(int row, String idNumber, int village, int region) {
        if (looseCount == looseRow.length) {
            int capacity = looseCount * 2;
            looseRow = Arrays.copyOf(looseRow, capacity);
            looseIdNumber = Arrays.copyOf(looseIdNumber, capacity);
            looseVillage = Arrays.copyOf(looseVillage, capacity);
            looseRegion = Arrays.copyOf(looseRegion, capacity);
        }
        looseRow[looseCount] = row;
        looseIdNumber[looseCount] = idNumber;
        looseVillage[looseCount] = village;
        looseRegion[looseCount] = region;
        looseCount++;
    }

    /** Columns with room for {@code capacity} records and none yet. */
    static RecordColumns empty(String category, Map<String, String> fields, int capacity) {
        return new RecordColumns(category, fields, capacity);
    }

    /** Appends another segment's rows (same category and fields), re-coding its texts into this one's dictionaries. */
    void append(RecordColumns other, Map<String, Map<String, Integer>> textCodes, Map<String, Integer> looseCodes) {
        int base = size;
        int n = other.size;
        if (base + n > id.length) {
            throw new IllegalStateException("no room for " + n + " more records of " + category);
        }
        System.arraycopy(other.id, 0, id, base, n);
        System.arraycopy(other.household, 0, household, base, n);
        System.arraycopy(other.person, 0, person, base, n);
        System.arraycopy(other.day, 0, day, base, n);
        for (int i = 0; i < other.looseCount; i++) {
            addLoose(
                    base + other.looseRow[i],
                    other.looseIdNumber[i],
                    code(looseTexts, looseCodes, other.looseTexts.get(other.looseVillage[i])),
                    code(looseTexts, looseCodes, other.looseTexts.get(other.looseRegion[i])));
        }
        numbers.forEach((field, values) -> System.arraycopy(other.numbers.get(field), 0, values, base, n));
        flags.forEach((field, values) -> System.arraycopy(other.flags.get(field), 0, values, base, n));
        texts.forEach((field, codes) -> {
            List<String> dictionary = dictionaries.get(field);
            Map<String, Integer> known = textCodes.computeIfAbsent(field, f -> {
                Map<String, Integer> map = new HashMap<>();
                for (int t = 0; t < dictionary.size(); t++) {
                    map.put(dictionary.get(t), t);
                }
                return map;
            });
            List<String> theirs = other.dictionaries.get(field);
            int[] recode = new int[theirs.size()];
            for (int t = 0; t < recode.length; t++) {
                recode[t] = code(dictionary, known, theirs.get(t));
            }
            int[] source = other.texts.get(field);
            for (int r = 0; r < n; r++) {
                codes[base + r] = recode[source[r]];
            }
        });
        size = base + n;
    }

    /** Writes the columns to a file. */
    void write(Path file) throws IOException {
        try (ColumnFile.Writer out = new ColumnFile.Writer(file)) {
            out.putInt(MAGIC).putText(category).putInt(fields.size());
            for (Map.Entry<String, String> field : fields.entrySet()) {
                out.putText(field.getKey()).putText(field.getValue());
            }
            out.putInt(size)
                    .putLongs(id, size)
                    .putInts(household, size)
                    .putInts(person, size)
                    .putInts(day, size);
            out.putInt(looseTexts.size());
            for (String text : looseTexts) {
                out.putText(text);
            }
            out.putInt(looseCount)
                    .putInts(looseRow, looseCount)
                    .putInts(looseVillage, looseCount)
                    .putInts(looseRegion, looseCount);
            for (int i = 0; i < looseCount; i++) {
                out.putText(looseIdNumber[i] == null ? "" : looseIdNumber[i]);
            }
            for (Map.Entry<String, String> field : fields.entrySet()) {
                switch (field.getValue()) {
                    case "number" -> out.putDoubles(numbers.get(field.getKey()), size);
                    case "text" -> {
                        List<String> dictionary = dictionaries.get(field.getKey());
                        out.putInt(dictionary.size());
                        for (String text : dictionary) {
                            out.putText(text);
                        }
                        out.putInts(texts.get(field.getKey()), size);
                    }
                    default -> out.putInts(flags.get(field.getKey()), size);
                }
            }
            out.commit();
        }
    }

    /** Reads columns written by {@link #write}. */
    static RecordColumns read(Path file) throws IOException {
        try (ColumnFile.Reader in = new ColumnFile.Reader(file)) {
            if (in.getInt() != MAGIC) {
                throw new IOException(file + " is not a screening store record file");
            }
            String category = in.getText();
            int fieldCount = in.getInt();
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < fieldCount; i++) {
                fields.put(in.getText(), in.getText());
            }
            int size = in.getInt();
            RecordColumns columns = new RecordColumns(category, fields, size);
            columns.size = size;
            in.getLongs(columns.id, size);
            in.getInts(columns.household, size);
            in.getInts(columns.person, size);
            in.getInts(columns.day, size);
            columns.readLoose(in);
            columns.readFields(in);
            return columns;
        }
    }

    /** Reads the rows without a person and the texts they carry, as {@link #write} wrote them. */
    private void readLoose(ColumnFile.Reader in) throws IOException {
        int texts = in.getInt();
        looseTexts.clear();
        for (int i = 0; i < texts; i++) {
            looseTexts.add(in.getText());
        }
        int loose = in.getInt();
        looseCount = loose;
        looseRow = in.getInts(new int[loose], loose);
        looseVillage = in.getInts(new int[loose], loose);
        looseRegion = in.getInts(new int[loose], loose);
        looseIdNumber = new String[loose];
        for (int i = 0; i < loose; i++) {
            String idNumber = in.getText();
            looseIdNumber[i] = idNumber.isEmpty() ? null : idNumber;
        }
    }

    /** Reads the fields' columns, each text field's dictionary before its codes, as {@link #write} wrote them. */
    private void readFields(ColumnFile.Reader in) throws IOException {
        for (Map.Entry<String, String> field : fields.entrySet()) {
            switch (field.getValue()) {
                case "number" -> in.getDoubles(numbers.get(field.getKey()), size);
                case "text" -> {
                    int entries = in.getInt();
                    List<String> dictionary = dictionaries.get(field.getKey());
                    dictionary.clear();
                    for (int i = 0; i < entries; i++) {
                        dictionary.add(in.getText());
                    }
                    in.getInts(texts.get(field.getKey()), size);
                }
                default -> in.getInts(flags.get(field.getKey()), size);
            }
        }
    }
}
