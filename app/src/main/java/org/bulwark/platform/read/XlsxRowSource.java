package org.bulwark.platform.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.bulwark.platform.read.FileRejectedException.Reason;

/**
 * The rows of the first worksheet of an Excel workbook (.xlsx), streamed: the upload is copied to a temporary file
 * (so the zip is read entry by entry instead of held in memory) and the sheet's XML is pulled one row at a time.
 * Only shared strings are held in memory, as POI's read-only table.
 *
 * <p>Security (an upload is untrusted input): POI parses every XML part through {@link XMLHelper}'s factories, which
 * disable DTDs and external entities, so XXE is off without configuration here. Zip bombs are stopped by POI's
 * {@link ZipSecureFile} limits, set below; they are JVM-wide, which is what every reader of uploads wants.
 */
public final class XlsxRowSource implements RowSource {

    /** Smallest accepted compressed/uncompressed ratio of a zip entry: more than 100-fold expansion is a bomb. */
    static final double MIN_INFLATE_RATIO = 0.01;
    /** Largest accepted uncompressed zip entry; a million-row sheet is a few hundred MB of XML. */
    static final long MAX_ENTRY_BYTES = 2L << 30;

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    private final Path file;
    private final OPCPackage workbook;
    private final InputStream sheet;
    private final SheetRowReader reader;
    private final List<String> headerCells;
    private final List<String> header;
    private final Iterator<Row> rows = new RowIterator(this::readRow);
    private final long headerRow;
    private final Map<Integer, String> valuesWithoutHeader = new HashMap<>();

    private XlsxRowSource(Path file, OPCPackage workbook, InputStream sheet, SheetRowReader reader)
            throws XMLStreamException {
        this.file = file;
        this.workbook = workbook;
        this.sheet = sheet;
        this.reader = reader;
        SheetRowReader.SheetRow first = reader.next();
        if (first == null) {
            throw new FileRejectedException(Reason.EMPTY, "工作簿的第一个工作表是空的：没有列名行");
        }
        this.headerRow = first.number();
        this.headerCells = first.cells().stream()
                .map(cell -> cell == null ? "" : cell.strip())
                .toList();
        this.header = headerCells.stream().filter(cell -> !cell.isEmpty()).toList();
    }

    /**
     * Opens an .xlsx upload, reading the header of its first sheet.
     *
     * @param in       the upload; read to its end and closed here
     * @param maxBytes the largest accepted file (compressed, as uploaded)
     * @throws FileRejectedException {@code empty} without bytes or header, {@code too_large} beyond {@code maxBytes}
     *                               or the zip-bomb limits, {@code malformed} when the bytes are not an .xlsx workbook
     */
    public static XlsxRowSource open(InputStream in, long maxBytes) throws IOException {
        Path file = Files.createTempFile("bulwark-upload-", ".xlsx");
        try {
            try (InputStream limited = new SizeLimitedInputStream(in, maxBytes);
                    OutputStream out = Files.newOutputStream(file)) {
                limited.transferTo(out);
            }
            checkSignature(file);
            return openWorkbook(file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private static XlsxRowSource openWorkbook(Path file) {
        OPCPackage workbook = null;
        InputStream sheet = null;
        try {
            workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
            XSSFReader parts = new XSSFReader(workbook);
            Iterator<InputStream> sheets = parts.getSheetsData();
            if (!sheets.hasNext()) {
                throw new FileRejectedException(Reason.EMPTY, "工作簿中没有工作表");
            }
            sheet = sheets.next();
            XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(sheet);
            SheetRowReader reader =
                    new SheetRowReader(xml, new ReadOnlySharedStringsTable(workbook, false), parts.getStylesTable());
            return new XlsxRowSource(file, workbook, sheet, reader);
        } catch (Exception e) {
            release(null, workbook, sheet);
            throw rejection(e);
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
        release(file, workbook, sheet);
    }

    /** The temporary copy of the upload, deleted on {@link #close()}. */
    Path temporaryFile() {
        return file;
    }

    private Row readRow() {
        SheetRowReader.SheetRow row;
        try {
            row = reader.next();
        } catch (Exception e) {
            throw rejection(e);
        }
        if (row == null) {
            refuseMergedHeaderOverValues();
            return null;
        }
        noteValuesWithoutHeader(row);
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < headerCells.size(); i++) {
            String column = headerCells.get(i);
            if (!column.isEmpty()) {
                String cell = i < row.cells().size() ? row.cells().get(i) : null;
                cells.put(column, cell == null ? "" : cell.strip());
            }
        }
        return new Row(row.number(), cells);
    }

    /** Remembers the first value of each column without a header: skipped, unless a merged header covers it. */
    private void noteValuesWithoutHeader(SheetRowReader.SheetRow row) {
        for (int i = 0; i < row.cells().size(); i++) {
            String cell = row.cells().get(i);
            boolean named = i < headerCells.size() && !headerCells.get(i).isEmpty();
            if (!named && cell != null && !cell.isBlank()) {
                valuesWithoutHeader.putIfAbsent(i, SheetRowReader.describeCell(row.number(), i));
            }
        }
    }

    /**
     * A header cell merged across several columns names only the first of them; the values under the others would
     * be dropped unread. Merged cells are listed after the rows, so this is known at the end, and the file is refused
     * then (nothing of it is kept).
     */
    private void refuseMergedHeaderOverValues() {
        for (String range : reader.mergedRanges()) {
            String[] corners = range.split(":");
            if (corners.length != 2 || headerRow < rowOf(corners[0]) || headerRow > rowOf(corners[1])) {
                continue;
            }
            int right = SheetRowReader.columnIndex(corners[1]);
            for (int column = SheetRowReader.columnIndex(corners[0]) + 1; column <= right; column++) {
                String cell = valuesWithoutHeader.get(column);
                if (cell != null) {
                    throw new FileRejectedException(
                            Reason.MALFORMED,
                            "列名单元格 " + range + " 合并了多列，其下的" + cell + "有内容却没有对应的列名；请取消列名的合并，给每一列单独写上列名");
                }
            }
        }
    }

    private static long rowOf(String reference) {
        String digits = reference.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? -1 : Long.parseLong(digits);
    }

    /** Refuses what is not a zip archive before POI sees it, with a message for the usual mistakes. */
    private static void checkSignature(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        }
        if (head.length == 0) {
            throw new FileRejectedException(Reason.EMPTY, "文件是空的");
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return;
        }
        if (head.length >= 4
                && (head[0] & 0xFF) == 0xD0
                && (head[1] & 0xFF) == 0xCF
                && (head[2] & 0xFF) == 0x11
                && (head[3] & 0xFF) == 0xE0) {
            throw new FileRejectedException(Reason.MALFORMED, "文件是旧版 Excel 97-2003 工作簿（.xls）；请在 Excel 中另存为 .xlsx 后上传");
        }
        throw new FileRejectedException(Reason.MALFORMED, "文件不是 .xlsx 工作簿");
    }

    private static RuntimeException rejection(Exception e) {
        if (e instanceof FileRejectedException rejected) {
            return rejected;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // POI says so in its message only; its limits are the ones set above
            if (cause.getMessage() != null && cause.getMessage().contains("Zip bomb detected")) {
                return new FileRejectedException(
                        Reason.TOO_LARGE,
                        "工作簿解压后的数据量超过允许的上限（超过文件大小的 "
                                + Math.round(1 / MIN_INFLATE_RATIO) + " 倍，或单个部分超过 "
                                + FileRejectedException.describeBytes(MAX_ENTRY_BYTES) + "）；请拆分后上传",
                        e);
            }
        }
        return new FileRejectedException(Reason.MALFORMED, "文件不是可以读取的 .xlsx 工作簿，" + "请用 Excel 打开后另存为 .xlsx 再上传", e);
    }

    private static void release(Path file, OPCPackage workbook, InputStream sheet) {
        List<IOException> failures = new ArrayList<>();
        try {
            if (sheet != null) {
                sheet.close();
            }
        } catch (IOException e) {
            failures.add(e);
        }
        if (workbook != null) {
            workbook.revert(); // closes a read-only package without writing to it
        }
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            failures.add(e);
        }
        if (!failures.isEmpty()) {
            throw new UncheckedIOException("cannot release the uploaded workbook", failures.get(0));
        }
    }
}
