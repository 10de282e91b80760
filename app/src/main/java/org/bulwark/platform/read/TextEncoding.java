package org.bulwark.platform.read;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The encoding of a text upload, decided from its first bytes: UTF-8 with or without a byte-order mark, else GB18030.
 * Departments' systems and Chinese Excel save CSV as GBK, which GB18030 contains; GBK text is almost never valid UTF-8
 * (its two-byte characters break UTF-8's continuation-byte pattern within a few characters), so a strict UTF-8 decode
 * of the first bytes tells the two apart.
 *
 * @param charset   the encoding of the text
 * @param bomLength the bytes of the byte-order mark to skip
 */
record TextEncoding(Charset charset, int bomLength) {

    static final Charset GB18030 = Charset.forName("GB18030");

    /** Decides the encoding from the first bytes of a file (all of it when it is short). */
    static TextEncoding detect(byte[] head, boolean wholeFile) {
        int length = head.length;
        if (length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return new TextEncoding(StandardCharsets.UTF_8, 3);
        }
        if (length >= 2
                && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                        || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
            // Excel's "Unicode text" is UTF-16 and tab separated: a different export than the one asked for
            throw new FileRejectedException(
                    FileRejectedException.Reason.MALFORMED, "文件是 UTF-16 文本；请另存为 CSV（UTF-8 或 GBK 编码）");
        }
        return new TextEncoding(isUtf8(head, wholeFile) ? StandardCharsets.UTF_8 : GB18030, 0);
    }

    /** A decoder that fails on bytes that are not valid in the encoding instead of guessing. */
    CharsetDecoder strictDecoder() {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static boolean isUtf8(byte[] head, boolean wholeFile) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(head);
        CharBuffer out = CharBuffer.allocate(head.length);
        // a character cut at the end of the probe is not an error unless the probe is the whole file
        CoderResult result = decoder.decode(in, out, wholeFile);
        if (result.isError()) {
            return false;
        }
        return !wholeFile || !decoder.flush(out).isError();
    }
}
