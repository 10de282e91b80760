package org.bulwark.exchange.store;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.postgresql.PGConnection;

/**
 * The rows of a batch that are not stored, each with its reasons and its cells as sent (for the file of rejected
 * rows), collected while the batch is read and written to {@code exchange_rejected_row} in one COPY at the end: the
 * connection is busy with the records' COPY meanwhile. Beyond a few megabytes (a file of mostly bad rows) they wait
 * in a temporary file rather than in memory.
 */
final class RejectedRows implements AutoCloseable {

    private static final int IN_MEMORY_BYTES = 8 << 20;

    private final long batchId;
    private final CopyText text = new CopyText(64 * 1024);
    private Path spill;
    private OutputStream spilled;
    private int count;

    RejectedRows(long batchId) {
        this.batchId = batchId;
    }

    int count() {
        return count;
    }

    void add(long rowNumber, String reasons, Map<String, String> cells) {
        text.number(batchId).number(rowNumber).text(reasons).column();
        text.ascii('{');
        boolean first = true;
        for (Map.Entry<String, String> cell : cells.entrySet()) {
            if (!first) {
                text.ascii(',');
            }
            first = false;
            text.jsonString(cell.getKey()).ascii(':').jsonString(cell.getValue() == null ? "" : cell.getValue());
        }
        text.ascii('}').endRow();
        count++;
        if (text.length() > IN_MEMORY_BYTES) {
            spill();
        }
    }

    /** Writes the rows collected into {@code exchange_rejected_row}. */
    void store(Connection connection) throws SQLException, IOException {
        if (count == 0) {
            return;
        }
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        String sql = "copy exchange_rejected_row (batch_id, row_number, reasons, raw) from stdin";
        InputStream rest = new ByteArrayInputStream(text.bytes(), 0, text.length());
        if (spilled == null) {
            copy.copyIn(sql, rest);
            return;
        }
        spilled.close();
        spilled = null;
        try (InputStream file = Files.newInputStream(spill)) {
            copy.copyIn(sql, new SequenceInputStream(file, rest), 1 << 16);
        }
    }

    private void spill() {
        try {
            if (spilled == null) {
                spill = Files.createTempFile("bulwark-rejected-", ".copy");
                spilled = new BufferedOutputStream(Files.newOutputStream(spill), 1 << 16);
            }
            spilled.write(text.bytes(), 0, text.length());
            text.clear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (spilled != null) {
                spilled.close();
            }
            if (spill != null) {
                Files.deleteIfExists(spill);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
