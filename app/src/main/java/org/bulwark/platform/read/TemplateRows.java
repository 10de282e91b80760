package org.bulwark.platform.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.bulwark.core.exchange.RowProblem;
import org.bulwark.core.exchange.RowValidator;
import org.bulwark.core.exchange.TableTemplate;
import org.bulwark.platform.read.FileRejectedException.Reason;

/**
 * The rows of a file that follows a {@link TableTemplate}, read with the reader of its format (.csv, .xlsx, .json) and
 * checked cell by cell: each row comes with its cells by template column, their typed values and what is wrong, named
 * by row and column header. A header that is not the template's rejects the whole file. One pass, little memory.
 */
public final class TemplateRows implements Iterator<TemplateRows.Row>, AutoCloseable {

    /** A checked row: cells and typed values by position in the template's fields (null where blank or wrong). */
    public record Row(long number, String[] cells, Object[] values, List<RowProblem> problems) {

        /** Whether nothing is wrong with the row. */
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** Rewrites a row's cells before they are checked (a word that says two things), adding what is wrong. */
    @FunctionalInterface
    public interface CellRewriter {
        void rewrite(long row, String[] cells, List<RowProblem> problems);
    }

    /** The position of a column that a rejected-rows file adds: no field, and no problem either. */
    private static final int IGNORED = -2;

    private final RowSource source;
    private final Iterator<RowSource.Row> rows;
    private final RowValidator validator;
    private final TableTemplate template;
    private final CellRewriter rewriter;
    private final Map<String, Integer> positions = new HashMap<>();

    private TemplateRows(RowSource source, RowValidator validator, CellRewriter rewriter) {
        this.source = source;
        this.rows = source.rows();
        this.validator = validator;
        this.template = validator.template();
        this.rewriter = rewriter;
        validator
                .headerToField(RejectedRowsFile.dataColumns(source.header()))
                .forEach((cell, field) -> positions.put(cell, template.position(field)));
    }

    /**
     * Opens a file by the extension of its name and checks its header against the template.
     *
     * @throws FileRejectedException when the format is not one of .csv/.txt, .xlsx, .json, the file cannot be read,
     *                               or the header is not the template's (every problem with it named)
     */
    public static TemplateRows open(
            Path file, String fileName, TableTemplate template, LocalDate today, long maxBytes, CellRewriter rewriter)
            throws IOException {
        RowSource source = openSource(file, fileName, maxBytes);
        try {
            RowValidator validator = new RowValidator(template, today);
            // a rejected-rows file sent back as it is: its added columns (原行号, 错误原因) hold no field
            List<RowProblem> problems = validator.checkColumns(RejectedRowsFile.dataColumns(source.header()));
            if (!problems.isEmpty()) {
                throw new FileRejectedException(
                        Reason.MALFORMED,
                        "第1行（列名）有误："
                                + problems.stream().map(RowProblem::message).collect(Collectors.joining("；")));
            }
            return new TemplateRows(source, validator, rewriter == null ? (r, c, p) -> {} : rewriter);
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /** The reader of the file's format, chosen by the extension of its name. */
    public static RowSource openSource(Path file, String fileName, long maxBytes) throws IOException {
        String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        InputStream in = Files.newInputStream(file);
        try {
            if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
                return CsvRowSource.open(in, maxBytes);
            }
            if (lower.endsWith(".xlsx")) {
                return XlsxRowSource.open(in, maxBytes);
            }
            if (lower.endsWith(".json")) {
                return JsonRowSource.open(in, maxBytes);
            }
            throw new FileRejectedException(Reason.MALFORMED, "文件“" + fileName + "”不是 .xlsx、.csv 或 .json 文件");
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The template the rows follow. */
    public TableTemplate template() {
        return template;
    }

    @Override
    public boolean hasNext() {
        return rows.hasNext();
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RowSource.Row row = rows.next();
        int size = template.fields().size();
        String[] cells = new String[size];
        List<RowProblem> problems = new ArrayList<>(0);
        for (Map.Entry<String, String> cell : row.cells().entrySet()) {
            Integer position = positions.get(cell.getKey());
            if (position == null && RejectedRowsFile.added(cell.getKey())) {
                position = IGNORED;
                positions.put(cell.getKey(), position);
            } else if (position == null && cell.getKey() != null) {
                // a JSON object with keys of its own: resolved once per new key
                String field = validator.headerToField(List.of(cell.getKey())).get(cell.getKey());
                position = field == null ? -1 : template.position(field);
                positions.put(cell.getKey(), position);
            }
            String value = cell.getValue() == null ? "" : cell.getValue().strip();
            if (position >= 0 && !value.isEmpty()) {
                cells[position] = value;
            } else if (position == -1 && !value.isEmpty()) {
                problems.add(new RowProblem(
                        row.number(),
                        cell.getKey(),
                        RowProblem.UNKNOWN_COLUMN,
                        "“" + cell.getKey() + "”不是“" + template.label() + "”模板中的列"));
            }
        }
        rewriter.rewrite(row.number(), cells, problems);
        Object[] values = new Object[size];
        validator.validate(row.number(), cells.clone(), values, problems);
        return new Row(row.number(), cells, values, problems);
    }

    @Override
    public void close() {
        source.close();
    }
}
