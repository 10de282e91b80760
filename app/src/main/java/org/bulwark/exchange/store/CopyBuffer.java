package org.bulwark.exchange.store;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Bytes of COPY data (text or binary format), filled by one thread and then handed over whole to the thread that
 * sends them ({@link CopyPipe}). Not thread-safe.
 */
abstract class CopyBuffer {

    protected byte[] bytes;
    protected int length;
    private int rows;

    CopyBuffer(int capacity) {
        bytes = new byte[capacity];
    }

    final byte[] bytes() {
        return bytes;
    }

    final int length() {
        return length;
    }

    /** Rows completed in this buffer. */
    final int rows() {
        return rows;
    }

    void clear() {
        length = 0;
        rows = 0;
    }

    final void rowEnded() {
        rows++;
    }

    final void put(byte b) {
        ensure(1);
        bytes[length++] = b;
    }

    final void put(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, length, b.length);
        length += b.length;
    }

    final void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    /** Appends a whole number in decimal digits. */
    final void digits(long value) {
        if (value == 0) {
            put((byte) '0');
            return;
        }
        if (value < 0) {
            put((byte) '-');
            if (value == Long.MIN_VALUE) {
                put("9223372036854775808".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            value = -value;
        }
        ensure(20);
        int start = length;
        while (value > 0) {
            bytes[length++] = (byte) ('0' + value % 10);
            value /= 10;
        }
        for (int i = start, j = length - 1; i < j; i++, j--) {
            byte t = bytes[i];
            bytes[i] = bytes[j];
            bytes[j] = t;
        }
    }

    /**
     * Appends a decimal as {@link java.math.BigDecimal#toPlainString()} writes it or, with {@code stripZeros}, as
     * {@code stripTrailingZeros().toPlainString()} does — without the strings (a million rows have four amounts each).
     */
    final void decimal(BigDecimal value, boolean stripZeros) {
        int scale = value.scale();
        if (scale < 0 || scale > 18 || value.precision() > 18) {
            String text = (stripZeros ? value.stripTrailingZeros() : value).toPlainString();
            utf8(text, 0, text.length());
            return;
        }
        long unscaled = unscaledLong(value);
        if (unscaled == 0 && stripZeros) {
            put((byte) '0');
            return;
        }
        if (stripZeros) {
            while (scale > 0 && unscaled % 10 == 0) {
                unscaled /= 10;
                scale--;
            }
        }
        if (scale == 0) {
            digits(unscaled);
            return;
        }
        if (unscaled < 0) {
            put((byte) '-');
            unscaled = -unscaled;
        }
        long power = 1;
        for (int i = 0; i < scale; i++) {
            power *= 10;
        }
        digits(unscaled / power);
        put((byte) '.');
        long fraction = unscaled % power;
        ensure(scale);
        for (int i = length + scale - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + fraction % 10);
            fraction /= 10;
        }
        length += scale;
    }

    /**
     * The unscaled value of a decimal of at most 18 digits and a scale of 0 or more. {@code unscaledValue()} makes a
     * {@code BigInteger} each time (a cost that shows in a million rows' amounts); moving the point keeps the value
     * compact.
     */
    static long unscaledLong(BigDecimal value) {
        return value.movePointRight(value.scale()).longValue();
    }

    /** Appends a date as {@link java.time.LocalDate#toString()} writes it (yyyy-MM-dd for four-digit years). */
    final void isoDate(LocalDate date) {
        int year = date.getYear();
        if (year < 1000 || year > 9999) {
            String text = date.toString();
            utf8(text, 0, text.length());
            return;
        }
        ensure(10);
        bytes[length++] = (byte) ('0' + year / 1000);
        bytes[length++] = (byte) ('0' + year / 100 % 10);
        bytes[length++] = (byte) ('0' + year / 10 % 10);
        bytes[length++] = (byte) ('0' + year % 10);
        bytes[length++] = '-';
        bytes[length++] = (byte) ('0' + date.getMonthValue() / 10);
        bytes[length++] = (byte) ('0' + date.getMonthValue() % 10);
        bytes[length++] = '-';
        bytes[length++] = (byte) ('0' + date.getDayOfMonth() / 10);
        bytes[length++] = (byte) ('0' + date.getDayOfMonth() % 10);
    }

    /**
     * Appends text as UTF-8 with nothing escaped (a lone surrogate, which the readers never produce, becomes U+FFFD
     * rather than broken UTF-8).
     */
    final void utf8(CharSequence value, int from, int to) {
        // at most three bytes a char (a surrogate pair: four for two)
        ensure(3 * (to - from));
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                bytes[length++] = (byte) c;
            } else if (c < 0x800) {
                bytes[length++] = (byte) (0xC0 | (c >> 6));
                bytes[length++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(++i));
                bytes[length++] = (byte) (0xF0 | (cp >> 18));
                bytes[length++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                bytes[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                bytes[length++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                char safe = Character.isSurrogate(c) ? '\uFFFD' : c;
                bytes[length++] = (byte) (0xE0 | (safe >> 12));
                bytes[length++] = (byte) (0x80 | ((safe >> 6) & 0x3F));
                bytes[length++] = (byte) (0x80 | (safe & 0x3F));
            }
        }
    }
}
