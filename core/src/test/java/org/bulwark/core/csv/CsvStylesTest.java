package org.bulwark.core.csv;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategy;
import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * The bytes each style writes. The expected texts are what commons-csv wrote with {@code CSVFormat.DEFAULT} and
 * {@code CSVFormat.POSTGRESQL_CSV} (checked side by side on 3,000 random records before commons-csv was dropped) and
 * what the feed writer wrote by hand.
 */
class CsvStylesTest {

    private static String write(QuoteStrategy quoting, LineDelimiter ends, String... cells) {
        StringWriter text = new StringWriter();
        try (CsvWriter csv = CsvStyles.writer(quoting, ends).build(text)) {
            csv.writeRecord(cells);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return text.toString();
    }

    @Test
    void spreadsheetQuotesAsCommonsCsvDefaultDid() {
        assertThat(write(CsvStyles.SPREADSHEET, LineDelimiter.CRLF, "", "", null, "a"))
                .isEqualTo("\"\",,,a\r\n");
        assertThat(write(CsvStyles.SPREADSHEET, LineDelimiter.CRLF, "#x", "!x", " x", "x ", "x\t", "$x", "王"))
                .isEqualTo("\"#x\",\"!x\",\" x\",\"x \",\"x\t\",$x,王\r\n");
        assertThat(write(CsvStyles.SPREADSHEET, LineDelimiter.LF, "x,y", "a\"b", "a\nb", "-5", "'=1"))
                .isEqualTo("\"x,y\",\"a\"\"b\",\"a\nb\",-5,'=1\n");
        assertThat(write(CsvStyles.SPREADSHEET, LineDelimiter.LF, (String) null))
                .isEqualTo("\n");
    }

    @Test
    void postgresqlQuotesEveryValueAndLeavesNullsBare() {
        StringBuilder out = new StringBuilder();
        CsvStyles.postgresRow(out, "522324000000", "", null, 5, true, "a\"b,c");
        CsvStyles.postgresRow(out, (Object) null);
        assertThat(out).hasToString("\"522324000000\",\"\",,\"5\",\"true\",\"a\"\"b,c\"\n\n");
    }

    @Test
    void edgeBlanksQuotesOnlyWhatMustBeAndCellsWithBlankEdges() {
        assertThat(write(CsvStyles.EDGE_BLANKS, LineDelimiter.CRLF, "#1", "", null, " a", "b\u3000", "x,y", "3000.00"))
                .isEqualTo("#1,,,\" a\",\"b\u3000\",\"x,y\",3000.00\r\n");
    }
}
