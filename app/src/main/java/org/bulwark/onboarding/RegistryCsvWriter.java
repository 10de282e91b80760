package org.bulwark.onboarding;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.Arrays;
import org.bulwark.core.csv.SpreadsheetCsvWriter;
import org.bulwark.core.exchange.FieldSpec;
import org.bulwark.core.exchange.FieldType;
import org.bulwark.core.exchange.TableTemplate;

/**
 * A registry file in its template's shape, written row by row as the import reads it: the template's Chinese headers,
 * choices as the template's words, yes/no as 是/否, amounts in plain digits; UTF-8 with a byte-order mark so that
 * Excel reads the Chinese right, CRLF, quoted where a cell needs it. The export and the onboarding generator write
 * through it, so a file they write is one the import takes.
 */
public final class RegistryCsvWriter implements Closeable {

    private final TableTemplate template;
    private final SpreadsheetCsvWriter writer;
    private final String[] cells;

    private RegistryCsvWriter(TableTemplate template, OutputStream out) throws IOException {
        this.template = template;
        this.writer = SpreadsheetCsvWriter.open(out);
        this.cells = new String[template.fields().size()];
        writer.row(template.fields().stream().map(FieldSpec::label).toArray(String[]::new));
    }

    /** A writer of the kind's file to {@code out}, its header written; closing it closes {@code out}. */
    public static RegistryCsvWriter open(RegistryFileKind kind, OutputStream out) throws IOException {
        return new RegistryCsvWriter(kind.template(), out);
    }

    static RegistryCsvWriter open(TableTemplate template, OutputStream out) throws IOException {
        return new RegistryCsvWriter(template, out);
    }

    /**
     * Sets a cell of the current row by the template's field name: an enum as the template's word for it, a boolean
     * as 是/否, an amount in plain digits, anything else as its text; null leaves the cell empty.
     */
    public RegistryCsvWriter set(String field, Object value) {
        FieldSpec spec = template.field(field);
        cells[template.position(field)] = value == null ? null : text(spec, value);
        return this;
    }

    private static String text(FieldSpec spec, Object value) {
        if (value instanceof Enum<?> e && spec.type() == FieldType.CHOICE) {
            return spec.choiceLabel(e.name());
        }
        if (value instanceof Boolean b) {
            return b ? "是" : "否";
        }
        if (value instanceof BigDecimal amount) {
            return amount.stripTrailingZeros().toPlainString();
        }
        String text = value.toString();
        return text.isEmpty() ? null : text;
    }

    /** Writes the current row and starts an empty one. */
    public void endRow() throws IOException {
        row(cells);
        Arrays.fill(cells, null);
    }

    /** Writes a row of cells by the template's field positions. */
    void row(String[] row) {
        writer.row(row);
    }

    /** Flushes what is written; {@code out} stays open (for a response the container closes). */
    void flush() throws IOException {
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
