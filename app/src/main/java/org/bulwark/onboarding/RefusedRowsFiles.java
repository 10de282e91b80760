package org.bulwark.onboarding;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bulwark.core.exchange.TableTemplate;
import org.bulwark.core.registry.RegistryTemplates;
import org.bulwark.platform.read.RejectedRowsFile;
import org.bulwark.platform.read.RowSource;
import org.bulwark.platform.read.TemplateRows;

/**
 * The rows of a registry file that an import refused or withheld, read again from the file as it was sent and
 * written in its own columns with 原行号 and 错误原因 added: fixed and uploaded again as it is, the reader leaves the
 * two added columns out. For a user who may not read health and disability, those cells and the reasons about them
 * are withheld with a marker that the reader refuses, so that sending the file back never blanks a stored value.
 */
public final class RefusedRowsFiles {

    /** What stands for a withheld health or disability value: not a word the template takes. */
    static final String WITHHELD = "（无权查看，请按原文件填写）";

    private static final TableTemplate MEMBERS = RegistryTemplates.MEMBERS;
    private static final Set<String> SENSITIVE_FIELDS = Set.of("health", "disability");

    private final long maxBytes;

    /** For files of at most {@code maxBytes}. */
    public RefusedRowsFiles(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Writes the refused rows of {@code upload} (read again, as it was sent) as {@code xlsx} or {@code csv}; health
     * and disability withheld unless {@code sensitive}.
     */
    public void write(
            Path upload, String fileName, List<RowRefusal> refused, boolean sensitive, String format, OutputStream out)
            throws IOException {
        Map<Long, String> reasons = reasons(refused, sensitive);
        List<RejectedRowsFile.Rejected> rows = new ArrayList<>(reasons.size());
        List<String> columns;
        try (RowSource source = TemplateRows.openSource(upload, fileName, maxBytes)) {
            columns = RejectedRowsFile.dataColumns(source.header());
            Set<Integer> withheld = sensitive ? Set.of() : sensitivePositions(columns);
            Iterator<RowSource.Row> it = source.rows();
            while (it.hasNext() && rows.size() < reasons.size()) {
                RowSource.Row row = it.next();
                String reason = reasons.get(row.number());
                if (reason == null) {
                    continue;
                }
                List<String> cells = new ArrayList<>(columns.size());
                for (int i = 0; i < columns.size(); i++) {
                    String cell = row.cells().getOrDefault(columns.get(i), "");
                    cells.add(withheld.contains(i) && cell != null && !cell.isBlank() ? WITHHELD : cell);
                }
                rows.add(new RejectedRowsFile.Rejected(row.number(), cells, reason));
            }
        }
        if (format.equals("xlsx")) {
            RejectedRowsFile.writeXlsx(columns, rows, out);
        } else {
            RejectedRowsFile.writeCsv(columns, rows, out);
        }
    }

    /** Each refused row's reasons, joined; those about a sensitive column withheld unless the user may read it. */
    private static Map<Long, String> reasons(List<RowRefusal> refused, boolean sensitive) {
        Map<Long, String> reasons = new LinkedHashMap<>();
        for (RowRefusal r : refused) {
            String reason = !sensitive && ImportPreview.SENSITIVE_COLUMNS.contains(r.column())
                    ? r.column() + "：填写有误（无权查看其值）"
                    : r.reason();
            reasons.merge(r.row(), reason, (a, b) -> a + "；" + b);
        }
        return reasons;
    }

    /** The positions of health and disability among the columns, by label (健康状况) or name (health). */
    private static Set<Integer> sensitivePositions(List<String> columns) {
        Set<Integer> positions = new java.util.HashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i).strip();
            for (String field : SENSITIVE_FIELDS) {
                if (column.equals(MEMBERS.field(field).label())
                        || column.toLowerCase(Locale.ROOT).equals(field)) {
                    positions.add(i);
                }
            }
        }
        return positions;
    }
}
