package org.bulwark.employment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.bulwark.exchange.FileFormat;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.read.CsvRowSource;
import org.bulwark.platform.read.FileRejectedException;
import org.bulwark.platform.read.JsonRowSource;
import org.bulwark.platform.read.RejectedRowsFile;
import org.bulwark.platform.read.RowSource;
import org.bulwark.platform.read.XlsxRowSource;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Imports employers or postings from CSV (UTF-8 or GBK), .xlsx or JSON with the Chinese headers of
 * {@link EmploymentColumns}, the exchange's way: every row is checked as the page checks it, each reason in Chinese
 * names the column; the whole file is stored, or nothing. The answer carries every row with its reason (empty for
 * a good row), to be written as a file that, corrected, is uploaded again as it is (its added columns are ignored).
 */
@Service
@Transactional
public class EmploymentImport {

    static final long MAX_BYTES = 16L << 20;

    /** What an import did: how many rows it stored, and every row with its reason when it stored nothing. */
    public record Outcome(int rows, int stored, List<String> columns, List<RejectedRowsFile.Rejected> refused) {

        public boolean accepted() {
            return refused.isEmpty();
        }
    }

    private final Employers employers;
    private final Postings postings;
    private final EmployerRepository employerRows;
    private final CurrentUser currentUser;
    private final MessageSource messages;

    EmploymentImport(
            Employers employers,
            Postings postings,
            EmployerRepository employerRows,
            CurrentUser currentUser,
            MessageSource messages) {
        this.employers = employers;
        this.postings = postings;
        this.employerRows = employerRows;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    /** Imports a file of employers. */
    public Outcome employers(InputStream in, String fileName) throws IOException {
        currentUser.requirePermission(Role.Permission.MANAGE_EMPLOYERS);
        return run(in, fileName, EmploymentColumns.EMPLOYER, cells -> {
            List<FieldProblem> p = new ArrayList<>();
            EmployerInput input = new EmployerInput(
                    cell(cells, "kind", EmploymentColumns.EMPLOYER),
                    cell(cells, "name", EmploymentColumns.EMPLOYER),
                    cell(cells, "creditCode", EmploymentColumns.EMPLOYER),
                    cell(cells, "regionCode", EmploymentColumns.EMPLOYER),
                    cell(cells, "contactName", EmploymentColumns.EMPLOYER),
                    cell(cells, "contactPhone", EmploymentColumns.EMPLOYER),
                    true,
                    0);
            return store(p, () -> employers.create(input));
        });
    }

    /** Imports a file of postings; the employer is named by its credit code or its name, in the user's region. */
    public Outcome postings(InputStream in, String fileName) throws IOException {
        currentUser.requirePermission(Role.Permission.MANAGE_EMPLOYERS);
        Map<String, String> c = EmploymentColumns.POSTING;
        return run(in, fileName, c, cells -> {
            List<FieldProblem> p = new ArrayList<>();
            PostingInput input = new PostingInput(
                    employer(cell(cells, "employerId", c), p),
                    cell(cells, "title", c),
                    cell(cells, "regionCode", c),
                    cell(cells, "workKind", c),
                    List.of(cell(cells, "skills", c)),
                    number("monthlyWage", cell(cells, "monthlyWage", c), BigDecimal::new, p),
                    number("hoursPerWeek", cell(cells, "hoursPerWeek", c), Integer::valueOf, p),
                    number("openings", cell(cells, "openings", c), Integer::valueOf, p),
                    date("openFrom", cell(cells, "openFrom", c), p),
                    date("openTo", cell(cells, "openTo", c), p),
                    cell(cells, "state", c),
                    0);
            return store(p, () -> postings.create(input));
        });
    }

    private Outcome run(InputStream in, String fileName, Map<String, String> columns, RowImport row)
            throws IOException {
        byte[] bytes = read(in);
        List<String> header;
        List<RejectedRowsFile.Rejected> rows = new ArrayList<>();
        boolean refused = false;
        try (RowSource source = open(fileName, new ByteArrayInputStream(bytes))) {
            header = RejectedRowsFile.dataColumns(source.header());
            requireColumns(header, columns);
            for (Iterator<RowSource.Row> it = source.rows(); it.hasNext(); ) {
                RowSource.Row r = it.next();
                String reason = reason(row.apply(r.cells()), columns);
                refused |= !reason.isEmpty();
                rows.add(new RejectedRowsFile.Rejected(r.number(), cellsOf(header, r.cells()), reason));
            }
        } catch (FileRejectedException e) {
            throw InvalidInputException.of("file", e.code(), "文件：" + e.getMessage());
        }
        if (refused) {
            // whole file or nothing: what the good rows stored (and its audit) goes with the transaction
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return new Outcome(rows.size(), 0, header, rows);
        }
        return new Outcome(rows.size(), rows.size(), header, List.of());
    }

    /** Stores one row; the problems of its cells and of the check, none when stored. */
    private static List<FieldProblem> store(List<FieldProblem> cellProblems, Runnable create) {
        if (!cellProblems.isEmpty()) {
            return cellProblems;
        }
        try {
            create.run();
            return List.of();
        } catch (InvalidInputException e) {
            return e.problems();
        }
    }

    private String reason(List<FieldProblem> problems, Map<String, String> columns) {
        List<String> parts = new ArrayList<>();
        for (FieldProblem p : problems) {
            String column = columns.getOrDefault(p.field(), p.field());
            String message = messages.getMessage("problem." + p.code(), null, p.message(), Locale.SIMPLIFIED_CHINESE);
            parts.add(column + "：" + message);
        }
        return String.join("；", parts);
    }

    private Long employer(String text, List<FieldProblem> p) {
        if (text == null) {
            p.add(new FieldProblem("employerId", "required", "is required"));
            return null;
        }
        List<Employer> found = employerRows.search(currentUser.scope().prefix(), text, null, false).stream()
                .filter(e -> text.equalsIgnoreCase(e.creditCode()) || text.equals(e.name()))
                .toList();
        if (found.size() != 1) {
            p.add(new FieldProblem("employerId", "employer_unknown", "no such employer"));
            return null;
        }
        return found.get(0).id();
    }

    private static String cell(Map<String, String> cells, String field, Map<String, String> columns) {
        String value = cells.get(columns.get(field));
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <T> T number(String field, String text, Function<String, T> parse, List<FieldProblem> p) {
        try {
            return text == null ? null : parse.apply(text.replace(",", ""));
        } catch (NumberFormatException e) {
            p.add(new FieldProblem(field, "number", "is not a number"));
            return null;
        }
    }

    private static LocalDate date(String field, String text, List<FieldProblem> p) {
        try {
            return text == null ? null : LocalDate.parse(text.replace('/', '-'));
        } catch (DateTimeParseException e) {
            p.add(new FieldProblem(field, "date", "is not a date"));
            return null;
        }
    }

    private static List<String> cellsOf(List<String> header, Map<String, String> cells) {
        return header.stream().map(h -> cells.getOrDefault(h, "")).toList();
    }

    private static void requireColumns(List<String> header, Map<String, String> columns) {
        List<String> missing =
                columns.values().stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw InvalidInputException.of(
                    "file", "missing_columns", "文件：缺少列 " + String.join("、", missing) + "；请使用导入模板的列名");
        }
    }

    private static byte[] read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw InvalidInputException.of("file", "too_large", "文件：超过 16 MB，请拆分后导入");
        }
        return bytes;
    }

    private static RowSource open(String fileName, InputStream in) throws IOException {
        FileFormat format = FileFormat.ofFileName(fileName);
        if (format == null) {
            throw InvalidInputException.of("file", "format", "文件：应为 .csv、.xlsx 或 .json 文件");
        }
        return switch (format) {
            case CSV -> CsvRowSource.open(in, MAX_BYTES);
            case XLSX -> XlsxRowSource.open(in, MAX_BYTES);
            case JSON -> JsonRowSource.open(in, MAX_BYTES);
        };
    }

    /** Checks and stores one row, answering its problems. */
    @FunctionalInterface
    private interface RowImport {
        List<FieldProblem> apply(Map<String, String> cells);
    }
}
