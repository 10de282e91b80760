package org.bulwark.exchange.store;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;

/**
 * Rows in PostgreSQL's binary COPY format: a signature, then per row the number of columns and each value as its
 * length and bytes ({@code -1} for null), integers big-endian, dates as days since 2000-01-01, numerics in base-10000
 * digits, text as UTF-8. PostgreSQL spends less on these than on text (no parsing of numbers, dates and hex bytes;
 * BENCHMARKS.md), and nothing needs escaping.
 */
final class CopyBinary extends CopyBuffer {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** Days from 1970-01-01 (Java's epoch) to 2000-01-01 (PostgreSQL's). */
    private static final long POSTGRES_EPOCH_DAY = 10_957;

    private static final short NUMERIC_POSITIVE = 0x0000;
    private static final short NUMERIC_NEGATIVE = 0x4000;
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

    private int valueStart = -1;
    private final short[] digits = new short[64];

    CopyBinary(int capacity) {
        super(capacity);
    }

    /** The signature and header that start the data; once, in the first buffer. */
    CopyBinary start() {
        put(SIGNATURE);
        int32(0);
        int32(0);
        return this;
    }

    /** The marker that ends the data; once, after the last row. */
    CopyBinary trailer() {
        int16(-1);
        return this;
    }

    CopyBinary row(int columns) {
        int16(columns);
        return this;
    }

    void endRow() {
        rowEnded();
    }

    CopyBinary nul() {
        int32(-1);
        return this;
    }

    CopyBinary int8(long value) {
        int32(8);
        int64(value);
        return this;
    }

    CopyBinary int4(int value) {
        int32(4);
        int32(value);
        return this;
    }

    /** A nullable {@code bigint}. */
    CopyBinary int8(Long value) {
        return value == null ? nul() : int8(value.longValue());
    }

    /** A text, varchar or json value as UTF-8, or null. */
    CopyBinary text(String value) {
        if (value == null) {
            return nul();
        }
        begin();
        utf8(value, 0, value.length());
        return end();
    }

    CopyBinary bytea(byte[] value) {
        int32(value.length);
        put(value);
        return this;
    }

    CopyBinary date(LocalDate value) {
        if (value == null) {
            return nul();
        }
        int32(4);
        int32((int) (value.toEpochDay() - POSTGRES_EPOCH_DAY));
        return this;
    }

    /**
     * A {@code numeric}: sign, display scale and the digits in groups of four around the decimal point. PostgreSQL
     * rounds it to the column's scale as it does text.
     */
    CopyBinary numeric(BigDecimal value) {
        if (value == null) {
            return nul();
        }
        int scale = Math.max(0, value.scale());
        // scale up to a multiple of four decimals, so that the base-10000 digits split at the decimal point
        int groupedScale = (scale + 3) / 4 * 4;
        short[] digits = this.digits;
        if (value.scale() >= 0 && value.precision() + (groupedScale - scale) <= 18) {
            // the usual amount: its digits in a long, no big integers
            long rest = Math.abs(unscaledLong(value));
            for (int i = scale; i < groupedScale; i++) {
                rest *= 10;
            }
            int count = 0;
            while (rest != 0) {
                digits[count++] = (short) (rest % 10_000);
                rest /= 10_000;
            }
            return numericGroups(digits, count, groupedScale, scale, value.signum());
        }
        BigInteger rest =
                value.abs().setScale(scale).unscaledValue().multiply(BigInteger.TEN.pow(groupedScale - scale));
        // a decimal digit is about 3.33 bits, a group of four about 13.3
        if (rest.bitLength() / 13 + 2 > digits.length) {
            digits = new short[rest.bitLength() / 13 + 2];
        }
        int count = 0;
        while (rest.signum() != 0) {
            BigInteger[] qr = rest.divideAndRemainder(TEN_THOUSAND);
            digits[count++] = qr[1].shortValue();
            rest = qr[0];
        }
        return numericGroups(digits, count, groupedScale, scale, value.signum());
    }

    /**
     * Writes a {@code numeric} from its base-10000 groups, least significant first ({@code count} of them in
     * {@code digits}), the lowest {@code groupedScale / 4} of them after the decimal point.
     */
    private CopyBinary numericGroups(short[] digits, int count, int groupedScale, int scale, int signum) {
        // drop the zero groups at the end of the fraction
        int low = 0;
        while (low < count && digits[low] == 0) {
            low++;
        }
        int ndigits = count - low;
        int weight = count - 1 - groupedScale / 4;
        int32(8 + 2 * ndigits);
        int16(ndigits);
        int16(ndigits == 0 ? 0 : weight);
        int16(signum < 0 ? NUMERIC_NEGATIVE : NUMERIC_POSITIVE);
        int16(scale);
        for (int i = count - 1; i >= low; i--) {
            int16(digits[i]);
        }
        return this;
    }

    /** Starts a value whose bytes the caller appends ({@link #ascii}, {@link #jsonString}…); ends with {@link #end}. */
    CopyBinary begin() {
        ensure(4);
        valueStart = length;
        length += 4;
        return this;
    }

    /** Ends the value started by {@link #begin}, writing its length in front of it. */
    CopyBinary end() {
        int size = length - valueStart - 4;
        bytes[valueStart] = (byte) (size >>> 24);
        bytes[valueStart + 1] = (byte) (size >>> 16);
        bytes[valueStart + 2] = (byte) (size >>> 8);
        bytes[valueStart + 3] = (byte) size;
        valueStart = -1;
        return this;
    }

    /** Appends ASCII text that needs no escaping to the current value. */
    CopyBinary ascii(String value) {
        ensure(value.length());
        for (int i = 0; i < value.length(); i++) {
            bytes[length++] = (byte) value.charAt(i);
        }
        return this;
    }

    CopyBinary ascii(char c) {
        put((byte) c);
        return this;
    }

    /** Appends a JSON string literal (quotes included, escaped for JSON) to the current value. */
    CopyBinary jsonString(String value) {
        put((byte) '"');
        int from = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                utf8(value, from, i);
                put((byte) '\\');
                switch (c) {
                    case '"' -> put((byte) '"');
                    case '\\' -> put((byte) '\\');
                    case '\n' -> put((byte) 'n');
                    case '\r' -> put((byte) 'r');
                    case '\t' -> put((byte) 't');
                    default -> ascii(String.format("u%04x", (int) c));
                }
                from = i + 1;
            }
        }
        utf8(value, from, value.length());
        put((byte) '"');
        return this;
    }

    private void int16(int value) {
        ensure(2);
        bytes[length++] = (byte) (value >>> 8);
        bytes[length++] = (byte) value;
    }

    private void int32(int value) {
        ensure(4);
        bytes[length++] = (byte) (value >>> 24);
        bytes[length++] = (byte) (value >>> 16);
        bytes[length++] = (byte) (value >>> 8);
        bytes[length++] = (byte) value;
    }

    private void int64(long value) {
        int32((int) (value >>> 32));
        int32((int) value);
    }
}
