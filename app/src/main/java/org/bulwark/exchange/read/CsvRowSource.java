package org.bulwark.exchange.read;

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

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bulwark.exchange.read.FileRejectedException.Reason;

/**
 * The rows of a CSV file (RFC 4180, comma separated; tab separated when the header has tabs and no commas), in UTF-8
 * with or without a byte-order mark, or in GBK/GB18030. Cells are stripped of blanks; rows whose cells are all blank
 * are skipped but still counted, so row numbers are those a spreadsheet shows.
 */
public final class CsvRowSource implements RowSource {

    /** How many bytes decide the encoding. */
    static final int PROBE_BYTES = 64 * 1024;

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> headerCells;
    private final List<String> header;
    /** The file column of each header column, when the header names are distinct (else null: a map per row). */
    private final int[] columns;
    private final Iterator<Row> rows = new RowIterator(this::readRow);

    private CsvRowSource(CSVParser parser) {
        this.parser = parser;
        this.records = parser.iterator();
        CSVRecord first = nextNonBlankRecord();
        if (first == null) {
            throw new FileRejectedException(Reason.EMPTY, "the file has no header row");
        }
        this.headerCells = first.stream().map(CsvRowSource::clean).toList();
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
                throw new FileRejectedException(Reason.EMPTY, "the file is empty");
            }
            TextEncoding encoding = TextEncoding.detect(probe, wholeFile(probe));
            checkIsText(probe);
            InputStream whole = new SequenceInputStream(
                    new ByteArrayInputStream(probe, encoding.bomLength(), probe.length - encoding.bomLength()), limited);
            CSVFormat format = CSVFormat.DEFAULT.builder()
                    .setDelimiter(delimiter(probe, encoding))
                    .setTrim(true)
                    // blank lines come through as records so that they are counted in the row numbers
                    .setIgnoreEmptyLines(false)
                    .get();
            boolean undecided = !wholeFile(probe) && isAscii(probe);
            CSVParser parser = format.parse(undecided ? new DeferredEncodingReader(whole)
                    : new InputStreamReader(whole, encoding.strictDecoder()));
            return new CsvRowSource(parser);
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
        CSVRecord record = nextNonBlankRecord();
        if (record == null) {
            return null;
        }
        // more cells than the header has columns: a value with an unquoted comma has shifted the rest of the row
        for (int i = headerCells.size(); i < record.size(); i++) {
            if (!clean(record.get(i)).isEmpty()) {
                throw new FileRejectedException(Reason.MALFORMED, "row " + record.getRecordNumber() + " has "
                        + record.size() + " cells but the header has " + headerCells.size()
                        + " columns; a value probably contains a comma without quotes around it");
            }
        }
        if (columns != null) {
            // the usual case: distinct column names, cells by position without a map per row
            String[] values = new String[columns.length];
            for (int i = 0; i < columns.length; i++) {
                values[i] = columns[i] < record.size() ? clean(record.get(columns[i])) : "";
            }
            return new Row(record.getRecordNumber(), new Cells(header, values));
        }
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < headerCells.size(); i++) {
            String column = headerCells.get(i);
            if (!column.isEmpty()) {
                cells.put(column, i < record.size() ? clean(record.get(i)) : "");
            }
        }
        return new Row(record.getRecordNumber(), cells);
    }

    private CSVRecord nextNonBlankRecord() {
        return read(() -> {
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (record.stream().anyMatch(cell -> !clean(cell).isEmpty())) {
                    return record;
                }
            }
            return null;
        }, parser);
    }

    private static String clean(String cell) {
        return cell == null ? "" : cell.strip();
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
            throw new FileRejectedException(Reason.MALFORMED,
                    "the file is an Excel workbook or a zip archive, not CSV text; upload it as .xlsx");
        }
        for (byte b : probe) {
            if (b == 0) {
                throw new FileRejectedException(Reason.MALFORMED, "the file is binary, not CSV text");
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

    /** Runs a read, turning commons-csv's and the decoder's failures into a rejection that says what is wrong. */
    private static <T> T read(ReadStep<T> step, CSVParser parser) {
        try {
            return step.run();
        } catch (UncheckedIOException e) {
            throw rejection(e.getCause(), parser);
        }
    }

    private static RuntimeException rejection(IOException cause, CSVParser parser) {
        long line = parser.getCurrentLineNumber();
        if (cause instanceof CharacterCodingException) {
            return new FileRejectedException(Reason.MALFORMED, "the text near line " + (line + 1)
                    + " is not valid in the file's encoding (UTF-8 or GBK); save the whole file in one encoding",
                    cause);
        }
        if (cause instanceof CSVException) {
            return new FileRejectedException(Reason.MALFORMED, "the CSV is broken near line " + line + ": "
                    + cause.getMessage() + " (check the quotes around values)", cause);
        }
        return new UncheckedIOException(cause);
    }

    @FunctionalInterface
    private interface ReadStep<T> {
        T run();
    }
}
