package org.bulwark.platform.read;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.platform.read.FileRejectedException.Reason;

/**
 * The rows of a CSV file (RFC 4180, comma separated; tab separated when the header has tabs and no commas), in UTF-8
 * with or without a byte-order mark, or in GBK/GB18030. Cells are stripped of blanks; rows whose cells are all blank
 * are skipped but still counted, so row numbers are those a spreadsheet shows. Read with FastCSV: a million rows
 * cost about a third of commons-csv's time here, which was a third of the import's reading thread.
 */
public final class CsvRowSource implements RowSource {

    /** How many bytes decide the encoding. */
    static final int PROBE_BYTES = 64 * 1024;

    private final CsvReader<StrippedCsvRecords.Line> parser;
    private final Iterator<StrippedCsvRecords.Line> records;
    private final LastCharacterReader text;
    /** Records read so far, blank ones included: the spreadsheet row of the last one read. */
    private long recordNumber;
    /** The line the last record read starts on (a broken one begins after it). */
    private long lineNumber;
    /** The last record read, blank or not. */
    private StrippedCsvRecords.Line lastRead;

    private final List<String> headerCells;
    private final List<String> header;
    /** The file column of each header column, when the header names are distinct (else null: a map per row). */
    private final int[] columns;

    private final Iterator<Row> rows = new RowIterator(this::readRow);

    private CsvRowSource(CsvReader<StrippedCsvRecords.Line> parser, LastCharacterReader text) {
        this.parser = parser;
        this.text = text;
        this.records = parser.iterator();
        StrippedCsvRecords.Line first = nextNonBlankRecord();
        if (first == null) {
            throw new FileRejectedException(Reason.EMPTY, "文件没有列名行");
        }
        this.headerCells = List.of(first.cells());
        this.header = headerCells.stream().filter(cell -> !cell.isEmpty()).toList();
        if (Cells.distinct(header)) {
            this.columns = new int[header.size()];
            for (int i = 0, c = 0; i < headerCells.size(); i++) {
                if (!headerCells.get(i).isEmpty()) {
                    columns[c++] = i;
                }
            }
        } else {
            this.columns = null;
        }
    }

    /**
     * Opens a CSV upload, reading its header.
     *
     * @param in       the upload; closed when the source is closed, or here when opening fails
     * @param maxBytes the largest accepted file
     * @throws FileRejectedException {@code empty} without a header, {@code too_large} beyond {@code maxBytes},
     *                               {@code malformed} for UTF-16 text or broken quoting in the header
     */
    public static CsvRowSource open(InputStream in, long maxBytes) throws IOException {
        SizeLimitedInputStream limited = new SizeLimitedInputStream(in, maxBytes);
        try {
            byte[] probe = limited.readNBytes(PROBE_BYTES);
            if (probe.length == 0) {
                throw new FileRejectedException(Reason.EMPTY, "文件是空的");
            }
            TextEncoding encoding = TextEncoding.detect(probe, wholeFile(probe));
            checkIsText(probe);
            InputStream whole = new SequenceInputStream(
                    new ByteArrayInputStream(probe, encoding.bomLength(), probe.length - encoding.bomLength()),
                    limited);
            boolean undecided = !wholeFile(probe) && isAscii(probe);
            LastCharacterReader text = new LastCharacterReader(
                    undecided
                            ? new DeferredEncodingReader(whole)
                            : new InputStreamReader(whole, encoding.strictDecoder()));
            CsvReader<StrippedCsvRecords.Line> parser = CsvReader.builder()
                    .fieldSeparator(delimiter(probe, encoding))
                    .quoteCharacter('"')
                    // blank lines come through as records so that they are counted in the row numbers
                    .skipEmptyLines(false)
                    // rows shorter or longer than the header are judged here (readRow), with the row named
                    .allowMissingFields(true)
                    .allowExtraFields(true)
                    .trimWhitespacesAroundQuotes(true)
                    .build(new StrippedCsvRecords(), text);
            return new CsvRowSource(parser, text);
        } catch (RuntimeException | IOException e) {
            limited.close();
            throw e;
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Iterator<Row> rows() {
        return rows;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Row readRow() {
        StrippedCsvRecords.Line record = nextNonBlankRecord();
        if (record == null) {
            return null;
        }
        String[] read = record.cells();
        int size = read.length;
        // more cells than the header has columns: a value with an unquoted comma has shifted the rest of the row
        for (int i = headerCells.size(); i < size; i++) {
            if (!read[i].isEmpty()) {
                throw new FileRejectedException(
                        Reason.MALFORMED,
                        "第 " + recordNumber + " 行有 "
                                + size + " 个值，但列名只有 " + headerCells.size()
                                + " 列；可能某个值中含有逗号却没有用引号括起来");
            }
        }
        if (columns != null) {
            // the usual case: distinct column names, cells by position without a map per row
            String[] values = new String[columns.length];
            for (int i = 0; i < columns.length; i++) {
                values[i] = columns[i] < size ? read[columns[i]] : "";
            }
            return new Row(recordNumber, new Cells(header, values));
        }
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < headerCells.size(); i++) {
            String column = headerCells.get(i);
            if (!column.isEmpty()) {
                cells.put(column, i < size ? read[i] : "");
            }
        }
        return new Row(recordNumber, cells);
    }

    /**
     * The next record with a cell that is not blank, counting the blank ones passed over; null at the end — or a
     * rejection when the last cell of the file opened a quote that nothing closed (FastCSV ends it at the end of the
     * file: the file's last character, not a quote, tells).
     */
    private StrippedCsvRecords.Line nextNonBlankRecord() {
        try {
            while (records.hasNext()) {
                StrippedCsvRecords.Line record = records.next();
                recordNumber++;
                lineNumber = record.line();
                lastRead = record;
                if (!record.blank()) {
                    return record;
                }
            }
            if (lastRead != null && lastRead.lastQuoted() && text.last() != '"') {
                throw new FileRejectedException(
                        Reason.MALFORMED, "CSV 文件在第 " + lineNumber + " 行附近格式有误：有一个引号直到文件结束都没有闭合（请检查值两边的引号）");
            }
            return null;
        } catch (UncheckedIOException e) {
            throw rejection(e.getCause(), lineNumber + 1);
        } catch (CsvParseException e) {
            if (e.getCause() instanceof FileRejectedException rejected) {
                throw rejected;
            }
            if (e.getCause() instanceof IOException io) {
                throw rejection(io, lineNumber + 1);
            }
            throw new FileRejectedException(
                    Reason.MALFORMED, "CSV 文件在第 " + (lineNumber + 1) + " 行附近格式有误（请检查值两边的引号）", e);
        }
    }

    private static boolean wholeFile(byte[] probe) {
        return probe.length < PROBE_BYTES;
    }

    private static boolean isAscii(byte[] probe) {
        for (byte b : probe) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** Refuses a binary file early: what a department sent by mistake should not be read as text with odd cells. */
    private static void checkIsText(byte[] probe) {
        if (probe.length >= 4 && probe[0] == 'P' && probe[1] == 'K' && probe[2] == 3 && probe[3] == 4) {
            throw new FileRejectedException(Reason.MALFORMED, "文件是 Excel 工作簿或压缩包，不是 CSV 文本；请以 .xlsx 文件上传");
        }
        for (byte b : probe) {
            if (b == 0) {
                throw new FileRejectedException(Reason.MALFORMED, "文件是二进制文件，不是 CSV 文本");
            }
        }
    }

    private static char delimiter(byte[] probe, TextEncoding encoding) {
        int commas = 0;
        int tabs = 0;
        for (int i = encoding.bomLength(); i < probe.length && probe[i] != '\n'; i++) {
            commas += probe[i] == ',' ? 1 : 0;
            tabs += probe[i] == '\t' ? 1 : 0;
        }
        return commas == 0 && tabs > 0 ? '\t' : ',';
    }

    private static RuntimeException rejection(IOException cause, long line) {
        if (cause instanceof CharacterCodingException) {
            return new FileRejectedException(
                    Reason.MALFORMED, "第 " + line + " 行附近的文字不符合文件的编码（UTF-8 或 GBK）；请把整个文件用同一种编码保存", cause);
        }
        return new UncheckedIOException(cause);
    }
}
