package org.bulwark.exchange.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** COPY text escaping, and JSON inside it, for the characters that would break a row or a column. */
class CopyTextTest {

    @Test
    void escapesWhatCopyTreatsSpeciallyAndEncodesUtf8() {
        CopyText out = new CopyText(4);
        out.text("a\tb\\c\nd\re")
                .text(null)
                .number(-120)
                .value(new BigDecimal("1E+3"))
                .text("王𠀀")
                .endRow();
        assertThat(out.toString()).isEqualTo("a\\tb\\\\c\\nd\\re\t\\N\t-120\t1000\t王𠀀\n");
        assertThat(out.rows()).isEqualTo(1);
    }

    @Test
    void jsonStringsAreEscapedForJsonThenForCopy() {
        CopyText out = new CopyText(4);
        out.column()
                .ascii('{')
                .jsonString("k")
                .ascii(':')
                .jsonString("say \"hi\"\\\n\u0001")
                .ascii('}');
        out.bytea(new byte[] {0, (byte) 0xAB}).endRow();
        // JSON: {"k":"say \"hi\"\\\n\u0001"}; COPY doubles each backslash
        assertThat(out.toString()).isEqualTo("{\"k\":\"say \\\\\"hi\\\\\"\\\\\\\\\\\\n\\\\u0001\"}\t\\\\x00ab\n");
    }
}
