package org.bulwark.exchange.store;

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

    /**
     * Appends text as UTF-8 with nothing escaped (a lone surrogate, which the readers never produce, becomes U+FFFD
     * rather than broken UTF-8).
     */
    final void utf8(CharSequence value, int from, int to) {
        ensure(to - from);
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                ensure(1);
                bytes[length++] = (byte) c;
            } else if (c < 0x800) {
                ensure(2);
                bytes[length++] = (byte) (0xC0 | (c >> 6));
                bytes[length++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(++i));
                ensure(4);
                bytes[length++] = (byte) (0xF0 | (cp >> 18));
                bytes[length++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                bytes[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                bytes[length++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                char safe = Character.isSurrogate(c) ? '\uFFFD' : c;
                ensure(3);
                bytes[length++] = (byte) (0xE0 | (safe >> 12));
                bytes[length++] = (byte) (0x80 | ((safe >> 6) & 0x3F));
                bytes[length++] = (byte) (0x80 | (safe & 0x3F));
            }
        }
    }
}
