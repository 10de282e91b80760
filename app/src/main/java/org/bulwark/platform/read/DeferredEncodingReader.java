package org.bulwark.platform.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;

/**
 * Reads text whose first bytes were all ASCII, which UTF-8 and GBK encode alike: ASCII passes through until the first
 * other byte, where the encoding is decided on the bytes from there on, as {@link TextEncoding#detect} decides it.
 * Without this, a GBK file whose first 64 KB happen to be ASCII (English headers, numbers, dates) would be taken for
 * UTF-8 and fail at its first Chinese name.
 */
final class DeferredEncodingReader extends Reader {

    private final BufferedInputStream in;
    private Reader decided;

    DeferredEncodingReader(InputStream in) {
        this.in = new BufferedInputStream(in, CsvRowSource.PROBE_BYTES);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (decided != null) {
            return decided.read(buffer, offset, length);
        }
        int count = 0;
        while (count < length) {
            in.mark(1);
            int b = in.read();
            if (b < 0) {
                return count == 0 ? -1 : count;
            }
            if (b >= 0x80) {
                in.reset();
                decide();
                return count > 0 ? count : decided.read(buffer, offset, length);
            }
            buffer[offset + count++] = (char) b;
        }
        return count;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void decide() throws IOException {
        in.mark(CsvRowSource.PROBE_BYTES);
        byte[] probe = in.readNBytes(CsvRowSource.PROBE_BYTES);
        in.reset();
        TextEncoding encoding = TextEncoding.detect(probe, probe.length < CsvRowSource.PROBE_BYTES);
        decided = new InputStreamReader(in, encoding.strictDecoder());
    }
}
