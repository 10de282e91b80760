package org.bulwark.exchange.store;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.bulwark.core.exchange.CategorySchema;
import org.bulwark.core.exchange.FieldSpec;

/**
 * A category's records as rows of {@code department_record} in binary COPY form, and their content hash. Values are
 * held by field position ({@link CategorySchema#fields()}), as {@link org.bulwark.core.exchange.RowValidator}
 * gives them.
 */
final class RecordRows {

    /** The columns {@link #write} fills, in its order. */
    static final String COLUMNS = "part, batch_id, source_row, category, id_number, household_number, village_code, "
            + "person_id, household_id, region_code, record_date, amount, fields, row_hash";

    private static final int COLUMN_COUNT = 14;

    /** The catalogue's conventional key fields. */
    static final String ID_NUMBER = "id_number";

    static final String HOUSEHOLD_NUMBER = "household_number";
    static final String VILLAGE_CODE = "village_code";

    private final CategorySchema schema;
    private final String category;
    private final String[] names;
    /** Field positions in the order of their names, the order the hash reads them in. */
    private final int[] hashOrder;

    private final byte[][] hashKeys;
    private final byte[] categoryBytes;
    private final MessageDigest digest;
    private final int idNumber;
    private final int householdNumber;
    private final int villageCode;
    private final int name;
    private final int date;
    private final int amount;
    private final byte[] hash = new byte[16];
    private final byte[] digestOut = new byte[32];
    /** The bytes the hash reads, built once per row and handed to the digest in one piece. */
    private final HashInput input = new HashInput();

    private static final class HashInput extends CopyBuffer {
        HashInput() {
            super(1024);
        }
    }

    RecordRows(CategorySchema schema) {
        this.schema = schema;
        this.category = schema.code();
        List<FieldSpec> fields = schema.fields();
        this.names = fields.stream().map(FieldSpec::name).toArray(String[]::new);
        Integer[] order = new Integer[names.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> names[a].compareTo(names[b]));
        this.hashOrder = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
        this.hashKeys = Arrays.stream(hashOrder)
                .mapToObj(i -> names[i].getBytes(StandardCharsets.UTF_8))
                .toArray(byte[][]::new);
        this.categoryBytes = schema.code().getBytes(StandardCharsets.UTF_8);
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        this.idNumber = position(ID_NUMBER);
        this.householdNumber = position(HOUSEHOLD_NUMBER);
        this.villageCode = position(VILLAGE_CODE);
        this.name = schema.nameField() == null ? -1 : position(schema.nameField());
        this.date = position(schema.dateField());
        this.amount = schema.amountField() == null ? -1 : position(schema.amountField());
    }

    /** The position of a field in the category, or -1 when it has none of that name. */
    int position(String field) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(field)) {
                return i;
            }
        }
        return -1;
    }

    String idNumber(Object[] values) {
        return idNumber < 0 ? null : (String) values[idNumber];
    }

    String householdNumber(Object[] values) {
        return householdNumber < 0 ? null : (String) values[householdNumber];
    }

    String villageCode(Object[] values) {
        return villageCode < 0 ? null : (String) values[villageCode];
    }

    /** The name the row gives for its person, or null (a category without names, or none given). */
    String name(Object[] values) {
        return name < 0 || values[name] == null ? null : String.valueOf(values[name]);
    }

    /**
     * The row's content hash: the first 16 bytes of SHA-256 over the category and the values in field-name order,
     * so that the same record sent again, in any format and with numbers written differently (700 or 700.00),
     * has the same hash. Records stored before issue 3 kept the whole digest in hex; its first 32 characters are
     * these 16 bytes, so old and new records compare. The array is reused by the next call.
     */
    byte[] hash(Object[] values) {
        input.clear();
        input.put(categoryBytes);
        for (int i = 0; i < hashOrder.length; i++) {
            Object value = values[hashOrder[i]];
            if (value == null) {
                continue;
            }
            input.put((byte) 0);
            input.put(hashKeys[i]);
            input.put((byte) '=');
            plain(input, value, true);
        }
        digest.update(input.bytes(), 0, input.length());
        try {
            digest.digest(digestOut, 0, digestOut.length);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
        System.arraycopy(digestOut, 0, hash, 0, hash.length);
        return hash;
    }

    /**
     * A value as text, as {@code String.valueOf} writes it, except decimals: as {@code toPlainString} (the JSON of
     * the values) or, with {@code stripZeros}, without trailing zeros (the hash: 700 and 700.00 are one record).
     */
    private static void plain(CopyBuffer out, Object value, boolean stripZeros) {
        if (value instanceof String text) {
            out.utf8(text, 0, text.length());
        } else if (value instanceof BigDecimal d) {
            out.decimal(d, stripZeros);
        } else if (value instanceof Long l) {
            out.digits(l);
        } else if (value instanceof LocalDate date) {
            out.isoDate(date);
        } else {
            String text = String.valueOf(value);
            out.utf8(text, 0, text.length());
        }
    }

    /** Where a matched row belongs: its person and household (null when not registered), village and region. */
    record Placement(Long personId, Long householdId, String village, String region) {}

    /** Writes one record of the batch with its placement and its hash (16 bytes). */
    void write(
            CopyBinary out,
            long part,
            long batchId,
            long sourceRow,
            Object[] values,
            Placement placement,
            byte[] rowHash) {
        out.row(COLUMN_COUNT)
                .int8(part)
                .int8(batchId)
                .int4((int) sourceRow)
                .text(category)
                .text(idNumber(values))
                .text(householdNumber(values))
                .text(placement.village())
                .int8(placement.personId())
                .int8(placement.householdId())
                .text(placement.region())
                .date((LocalDate) values[date]);
        Object money = amount < 0 ? null : values[amount];
        out.numeric(money instanceof Long l ? BigDecimal.valueOf(l) : (BigDecimal) money);
        fieldsJson(out.begin(), values);
        out.end().bytea(rowHash).endRow();
    }

    /** The values as a JSON object in field order: numbers as numbers, dates as ISO text, flags as booleans. */
    private void fieldsJson(CopyBinary out, Object[] values) {
        out.ascii('{');
        boolean first = true;
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                continue;
            }
            if (!first) {
                out.ascii(',');
            }
            first = false;
            out.jsonString(names[i]).ascii(':');
            if (value instanceof BigDecimal || value instanceof Long) {
                plain(out, value, false);
            } else if (value instanceof Boolean b) {
                out.ascii(b ? "true" : "false");
            } else if (value instanceof LocalDate date) {
                out.ascii('"');
                out.isoDate(date);
                out.ascii('"');
            } else {
                out.jsonString(String.valueOf(value));
            }
        }
        out.ascii('}');
    }

    static long longAt(byte[] bytes, int offset) {
        long value = 0;
        for (int i = offset; i < offset + 8; i++) {
            value = (value << 8) | (bytes[i] & 0xFF);
        }
        return value;
    }

    CategorySchema schema() {
        return schema;
    }
}
