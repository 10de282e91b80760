package org.bulwark.exchange.store;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.bulwark.core.exchange.CategorySchema;
import org.bulwark.core.exchange.FieldSpec;
import org.bulwark.core.exchange.ValidatedRow;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * Encodes a batch's rows as lines of the staging table {@code incoming_record}: valid rows with their key columns,
 * their values as JSON and their content hash; rejected rows with their reasons. Each row also carries its cells as
 * sent, for the file of rejected rows should matching reject it later.
 */
final class StagedRows {

    /** The staging table's columns, in the order {@link #valid} and {@link #rejected} write them. */
    static final String COLUMNS = "source_row, problem, id_number, household_number, village_code, name, record_date, "
            + "amount, fields, row_hash, raw";

    /** The catalogue's conventional key fields. */
    static final String ID_NUMBER = "id_number";
    static final String HOUSEHOLD_NUMBER = "household_number";
    static final String VILLAGE_CODE = "village_code";

    /** Marks the separator form of the cells as sent (see {@link #raw}). */
    static final char RECORD_SEPARATOR = '\u001e';
    static final char UNIT_SEPARATOR = '\u001f';

    private static final JsonStringEncoder JSON = JsonStringEncoder.getInstance();

    private final CategorySchema schema;
    private final List<String> header;
    private final String[] hashOrder;
    private final byte[][] hashKeys;
    private final byte[] categoryBytes;
    private final MessageDigest digest;
    private final StringBuilder json = new StringBuilder(512);
    private final byte[] hash = new byte[16];

    StagedRows(CategorySchema schema, List<String> header) {
        this.schema = schema;
        this.header = header;
        this.hashOrder = schema.fields().stream().map(FieldSpec::name).sorted().toArray(String[]::new);
        this.hashKeys = Arrays.stream(hashOrder).map(name -> name.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        this.categoryBytes = schema.code().getBytes(StandardCharsets.UTF_8);
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The row's content hash: the first 16 bytes of SHA-256 over the category and the values in field-name order,
     * so that the same record sent again, in any format and with numbers written differently (700 or 700.00),
     * has the same hash. Records stored before issue 3 kept the whole digest in hex; its first 32 characters are
     * these 16 bytes, so old and new records compare.
     */
    byte[] hash(Map<String, Object> values) {
        digest.update(categoryBytes);
        for (int i = 0; i < hashOrder.length; i++) {
            Object value = values.get(hashOrder[i]);
            if (value == null) {
                continue;
            }
            digest.update((byte) 0);
            digest.update(hashKeys[i]);
            digest.update((byte) '=');
            String text = value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(value);
            digest.update(text.getBytes(StandardCharsets.UTF_8));
        }
        byte[] full = digest.digest();
        System.arraycopy(full, 0, hash, 0, hash.length);
        return hash;
    }

    /** Writes a valid row whose hash was just computed by {@link #hash}. */
    void valid(CopyText out, ValidatedRow row, Map<String, String> cells) {
        Map<String, Object> values = row.values();
        out.number(row.rowNumber()).text(null)
                .text((String) values.get(ID_NUMBER))
                .text((String) values.get(HOUSEHOLD_NUMBER))
                .text((String) values.get(VILLAGE_CODE))
                .value(schema.nameField() == null ? null : values.get(schema.nameField()))
                .value(values.get(schema.dateField()))
                .value(schema.amountField() == null ? null : values.get(schema.amountField()));
        fieldsJson(out.column(), values);
        out.bytea(hash);
        raw(out, cells);
        out.endRow();
    }

    /** Writes a row rejected before matching, with its reasons. */
    void rejected(CopyText out, long rowNumber, String reasons, Map<String, String> cells) {
        out.number(rowNumber).text(reasons);
        for (int i = 0; i < 8; i++) {
            out.text(null);
        }
        raw(out, cells);
        out.endRow();
    }

    /** The values as a JSON object in field order: numbers as numbers, dates as ISO text, flags as booleans. */
    private static void fieldsJson(CopyText out, Map<String, Object> values) {
        out.ascii('{');
        boolean first = true;
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            if (!first) {
                out.ascii(',');
            }
            first = false;
            out.jsonString(entry.getKey()).ascii(':');
            Object value = entry.getValue();
            if (value instanceof BigDecimal d) {
                out.ascii(d.toPlainString());
            } else if (value instanceof Long || value instanceof Boolean) {
                out.ascii(value.toString());
            } else {
                out.jsonString(String.valueOf(value));
            }
        }
        out.ascii('}');
    }

    /**
     * The cells as sent. A row with exactly the header's columns (every CSV and Excel row) is written as its cells
     * after a record separator, each followed by a unit separator — no JSON to build for the rows that are stored, which
     * are nearly all; SQL turns it into an object with the header only for a row that matching rejects. A row with
     * columns of its own, or a cell holding one of the two separators, is written as a JSON object.
     */
    private void raw(CopyText out, Map<String, String> cells) {
        boolean aligned = cells.size() == header.size();
        if (aligned) {
            Iterator<String> columns = header.iterator();
            for (Map.Entry<String, String> cell : cells.entrySet()) {
                String value = cell.getValue();
                if (!cell.getKey().equals(columns.next())
                        || value != null && (value.indexOf(RECORD_SEPARATOR) >= 0 || value.indexOf(UNIT_SEPARATOR) >= 0)) {
                    aligned = false;
                    break;
                }
            }
        }
        out.column();
        if (aligned) {
            out.ascii(RECORD_SEPARATOR);
            for (String value : cells.values()) {
                // after every cell, the last too, so that one empty cell is still one cell
                out.escaped(value == null ? "" : value).ascii(UNIT_SEPARATOR);
            }
            return;
        }
        json.setLength(0);
        json.append('{');
        boolean first = true;
        for (Map.Entry<String, String> cell : cells.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            quote(cell.getKey());
            json.append(':');
            quote(cell.getValue() == null ? "" : cell.getValue());
        }
        out.escaped(json.append('}'));
    }

    private void quote(String text) {
        json.append('"');
        JSON.quoteAsString(text, json);
        json.append('"');
    }
}
