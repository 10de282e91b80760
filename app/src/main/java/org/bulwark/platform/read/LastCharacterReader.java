package org.bulwark.platform.read;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/** Passes text through, remembering the last character that is not blank (looking only at each read's tail). */
final class LastCharacterReader extends FilterReader {

    private char last;

    LastCharacterReader(Reader in) {
        super(in);
    }

    /** The last character read that is not blank, or 0 before any. */
    char last() {
        return last;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0 && !Character.isWhitespace(c)) {
            last = (char) c;
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = offset + n - 1; i >= offset; i--) {
            if (!Character.isWhitespace(buffer[i])) {
                last = buffer[i];
                break;
            }
        }
        return n;
    }
}
