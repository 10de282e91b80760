package org.bulwark.platform.read;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordType;
import java.util.Arrays;

/**
 * FastCSV's records as the cells the import reads: stripped of blanks as {@link String#strip()} does, each made once
 * from the parser's buffer (no string to strip afterwards), with whether the last cell was quoted — which, with the
 * file's last character, tells an unclosed quote, which FastCSV closes at the end of the file without a word.
 */
final class StrippedCsvRecords extends AbstractBaseCsvCallbackHandler<StrippedCsvRecords.Line> {

    /**
     * One record: its cells (none for an empty line), the line it starts on, and whether its last cell was quoted.
     */
    record Line(String[] cells, long line, boolean lastQuoted) {

        /** Whether every cell is blank (an empty line too). */
        boolean blank() {
            for (String cell : cells) {
                if (!cell.isEmpty()) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final String[] NO_CELLS = {};

    private String[] cells = new String[16];
    private boolean lastQuoted;

    @Override
    protected void handleBegin(long startingLineNumber) {
        lastQuoted = false;
    }

    @Override
    protected void handleField(int index, char[] buffer, int offset, int length, boolean quoted) {
        int start = offset;
        int end = offset + length;
        while (start < end && Character.isWhitespace(buffer[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(buffer[end - 1])) {
            end--;
        }
        if (index >= cells.length) {
            cells = Arrays.copyOf(cells, Math.max(index + 1, cells.length * 2));
        }
        cells[index] = start == end ? "" : new String(buffer, start, end - start);
        lastQuoted = quoted;
    }

    @Override
    protected Line buildRecord() {
        if (getRecordType() == RecordType.EMPTY) {
            return new Line(NO_CELLS, getStartingLineNumber(), false);
        }
        return new Line(Arrays.copyOf(cells, getFieldCount()), getStartingLineNumber(), lastQuoted);
    }
}
