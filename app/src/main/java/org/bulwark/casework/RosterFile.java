package org.bulwark.casework;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.bulwark.core.casework.MeasureCategory;
import org.bulwark.core.casework.MonitoringType;
import org.bulwark.core.casework.RiskType;
import org.bulwark.exchange.FileFormat;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.read.CsvRowSource;
import org.bulwark.platform.read.FileRejectedException;
import org.bulwark.platform.read.JsonRowSource;
import org.bulwark.platform.read.RowSource;
import org.bulwark.platform.read.XlsxRowSource;

/**
 * Reads a roster file (CSV in UTF-8 with or without BOM or GBK, .xlsx, JSON with Chinese keys) into typed
 * {@link RosterRow}s. The one place that knows the exchange module's readers: when the shared template reader of
 * issue 13 lands, this class alone changes. Each cell that cannot be read becomes a {@link RosterProblem} naming the
 * row and the column.
 */
public final class RosterFile {

    /** A roster of a county's monitored households is small; 50 MB is far above any. */
    static final long MAX_BYTES = 50L << 20;

    /** The longest responsible department a measure keeps (plan_measure.department). */
    static final int MAX_DEPARTMENT = 64;

    private final long row;
    private final Map<String, String> cells;
    private final List<RosterProblem> problems;

    private RosterFile(long row, Map<String, String> cells, List<RosterProblem> problems) {
        this.row = row;
        this.cells = cells;
        this.problems = problems;
    }

    /** Reads the whole file; refused as a whole (naming the file's fault in Chinese) when it cannot be read. */
    public static RosterRead read(InputStream in, String fileName) throws IOException {
        FileFormat format = FileFormat.ofFileName(fileName);
        if (format == null) {
            throw InvalidInputException.of("file", "format", "文件：应为 .csv、.xlsx 或 .json 文件");
        }
        byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw InvalidInputException.of("file", "too_large", "文件：超过 50 MB，请拆分后导入");
        }
        List<RosterRow> rows = new ArrayList<>();
        List<RosterProblem> problems = new ArrayList<>();
        int total = 0;
        try (RowSource source = open(format, new ByteArrayInputStream(bytes))) {
            requireColumns(source.header());
            Iterator<RowSource.Row> it = source.rows();
            while (it.hasNext()) {
                RowSource.Row r = it.next();
                total++;
                rows.add(new RosterFile(r.number(), r.cells(), problems).typed());
            }
        } catch (FileRejectedException e) {
            throw InvalidInputException.of("file", e.code(), "文件：" + e.getMessage());
        }
        return new RosterRead(fileName, sha256(bytes), total, rows, problems);
    }

    private static RowSource open(FileFormat format, InputStream in) throws IOException {
        return switch (format) {
            case CSV -> CsvRowSource.open(in, MAX_BYTES);
            case XLSX -> XlsxRowSource.open(in, MAX_BYTES);
            case JSON -> JsonRowSource.open(in, MAX_BYTES);
        };
    }

    private static void requireColumns(List<String> header) {
        List<String> missing = new ArrayList<>();
        if (!header.contains(RosterColumns.HOUSEHOLD_NUMBER) && !header.contains(RosterColumns.HEAD_ID)) {
            missing.add(RosterColumns.HOUSEHOLD_NUMBER + "（或" + RosterColumns.HEAD_ID + "）");
        }
        for (String required : List.of(RosterColumns.TYPE, RosterColumns.IDENTIFIED_ON)) {
            if (!header.contains(required)) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            throw InvalidInputException.of(
                    "file", "missing_columns", "文件：缺少列 " + String.join("、", missing) + "；请使用导入模板的列名");
        }
    }

    private RosterRow typed() {
        String eliminatedText = cell(RosterColumns.ELIMINATED);
        Boolean eliminated = eliminatedText.isEmpty() ? null : yesNo(RosterColumns.ELIMINATED);
        LocalDate eliminatedOn = date(RosterColumns.ELIMINATED_ON);
        return new RosterRow(
                row,
                cell(RosterColumns.HOUSEHOLD_NUMBER),
                cell(RosterColumns.HEAD_ID),
                word(RosterColumns.TYPE, RosterWords.TYPES, MonitoringType.class),
                date(RosterColumns.IDENTIFIED_ON),
                risks(),
                cell(RosterColumns.HELPER),
                cell(RosterColumns.HELPER_PHONE),
                measures(),
                // an empty 风险是否消除 with a date says yes by the date
                eliminated == null ? eliminatedOn != null : eliminated,
                eliminatedOn,
                Boolean.TRUE.equals(cell(RosterColumns.NATURALLY).isEmpty() ? null : yesNo(RosterColumns.NATURALLY)),
                date(RosterColumns.REVERSED_ON));
    }

    private List<RiskType> risks() {
        List<RiskType> risks = new ArrayList<>();
        List<Map.Entry<String, String>> given = new ArrayList<>();
        List<String> columns = new ArrayList<>(List.of(RosterColumns.RISKS));
        for (int i = 1; i <= 9; i++) {
            columns.add(RosterColumns.risk(i));
        }
        // any risk cell may hold several, separated as counties write lists
        for (String column : columns) {
            for (String word : cell(column).split("[、，,;；/\\s]+")) {
                if (!word.isBlank()) {
                    given.add(Map.entry(column, word));
                }
            }
        }
        for (Map.Entry<String, String> g : given) {
            RosterWords.read(RosterWords.RISKS, RiskType.class, g.getValue())
                    .ifPresentOrElse(risks::add, () -> unknown(g.getKey(), g.getValue(), RosterWords.RISKS));
        }
        return risks;
    }

    private List<RosterRow.Measure> measures() {
        List<RosterRow.Measure> measures = new ArrayList<>();
        for (int m = 1; m <= RosterColumns.MAX_MEASURES; m++) {
            int n = m;
            if (RosterColumns.MEASURE_PARTS.stream()
                    .allMatch(p -> cell(RosterColumns.measure(n, p)).isEmpty())) {
                continue;
            }
            String categoryColumn = RosterColumns.measure(m, RosterColumns.CATEGORY);
            MeasureCategory category = cell(categoryColumn).isEmpty()
                    ? missing(categoryColumn)
                    : word(categoryColumn, RosterWords.MEASURES, MeasureCategory.class);
            String departmentColumn = RosterColumns.measure(m, RosterColumns.DEPARTMENT);
            if (cell(departmentColumn).isEmpty()) {
                missing(departmentColumn);
            } else if (cell(departmentColumn).length() > MAX_DEPARTMENT) {
                // plan_measure.department holds 64 characters: refused here, not by the database mid-commit
                problems.add(new RosterProblem(row, departmentColumn, "超过 " + MAX_DEPARTMENT + " 个字"));
            }
            String startColumn = RosterColumns.measure(m, RosterColumns.STARTS_ON);
            LocalDate starts = cell(startColumn).isEmpty() ? missing(startColumn) : date(startColumn);
            LocalDate ends = date(RosterColumns.measure(m, RosterColumns.ENDS_ON));
            if (starts != null && ends != null && ends.isBefore(starts)) {
                problems.add(new RosterProblem(
                        row, RosterColumns.measure(m, RosterColumns.ENDS_ON), "早于" + startColumn + "（" + starts + "）"));
            }
            measures.add(new RosterRow.Measure(
                    m,
                    category,
                    cell(RosterColumns.measure(m, RosterColumns.CONTENT)),
                    cell(departmentColumn),
                    starts,
                    ends));
        }
        return measures;
    }

    private String cell(String column) {
        String value = cells.get(column);
        return value == null ? "" : value.strip();
    }

    private <T> T missing(String column) {
        problems.add(new RosterProblem(row, column, "必填，此处为空"));
        return null;
    }

    private <E extends Enum<E>> E word(String column, Map<String, E> words, Class<E> type) {
        String text = cell(column);
        if (text.isEmpty()) {
            return null;
        }
        return RosterWords.read(words, type, text).orElseGet(() -> {
            unknown(column, text, words);
            return null;
        });
    }

    private void unknown(String column, String text, Map<String, ?> words) {
        problems.add(new RosterProblem(row, column, "不认识的值“" + text + "”，可填：" + RosterWords.accepted(words)));
    }

    private Boolean yesNo(String column) {
        Boolean value = RosterWords.yesNo(cell(column));
        if (value == null) {
            problems.add(new RosterProblem(row, column, "不认识的值“" + cell(column) + "”，应填“是”或“否”"));
        }
        return value;
    }

    private LocalDate date(String column) {
        String text = cell(column);
        if (text.isEmpty()) {
            return null;
        }
        LocalDate date = RosterDates.parse(text);
        if (date == null) {
            problems.add(new RosterProblem(row, column, "“" + text + "”不是日期，应写成 2024-03-15 或 2024年3月15日"));
        }
        return date;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The template's headers, for the template and the export. */
    public static List<String> headers() {
        return RosterColumns.template();
    }
}
