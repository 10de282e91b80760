package org.bulwark.cli;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.sql.DataSource;
import org.bulwark.core.employment.LabourerProfile;
import org.bulwark.core.employment.Match;
import org.bulwark.core.employment.ProvinceMatching;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * A {@link ProvinceMatching.Sink} that COPYs each labourer's matches into a table as they come: each matching thread
 * fills a buffer of its own, and a full buffer goes to the one COPY stream, so the province's matches are never held.
 */
final class MatchCopy implements ProvinceMatching.Sink, AutoCloseable {

    private static final int FLUSH_AT = 1 << 20;

    private final Connection connection;
    private final CopyIn copy;
    private final Queue<StringBuilder> buffers = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<StringBuilder> buffer = ThreadLocal.withInitial(this::newBuffer);
    private long rows;

    /** Empties {@code table} (person_id, posting_id, rank, reach) and opens a COPY into it. */
    MatchCopy(DataSource dataSource, String table) throws SQLException {
        connection = dataSource.getConnection();
        connection.setAutoCommit(true);
        try (var s = connection.createStatement()) {
            s.execute("drop table if exists " + table);
            s.execute("create table " + table
                    + " (person_id bigint not null, posting_id bigint not null, rank smallint not null,"
                    + " reach smallint not null)");
        }
        copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " from stdin");
    }

    private StringBuilder newBuffer() {
        StringBuilder b = new StringBuilder(FLUSH_AT + 4096);
        buffers.add(b);
        return b;
    }

    @Override
    public void accept(LabourerProfile labourer, List<Match> matches) {
        StringBuilder b = buffer.get();
        for (int rank = 0; rank < matches.size(); rank++) {
            Match m = matches.get(rank);
            b.append(labourer.personId())
                    .append('\t')
                    .append(m.posting().id())
                    .append('\t')
                    .append(rank + 1)
                    .append('\t')
                    .append(m.reach().ordinal())
                    .append('\n');
        }
        if (b.length() >= FLUSH_AT) {
            write(b);
        }
    }

    private void write(StringBuilder b) {
        byte[] bytes = b.toString().getBytes(StandardCharsets.US_ASCII);
        b.setLength(0);
        synchronized (this) {
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
                rows += bytes.length == 0 ? 0 : count(bytes);
            } catch (SQLException e) {
                throw new IllegalStateException("COPY of matches failed", e);
            }
        }
    }

    private static long count(byte[] bytes) {
        long n = 0;
        for (byte c : bytes) {
            n += c == '\n' ? 1 : 0;
        }
        return n;
    }

    /** Writes what the buffers still hold, ends the COPY and returns the rows stored. */
    long finish() throws SQLException {
        for (StringBuilder b : buffers) {
            write(b);
        }
        long stored = copy.endCopy();
        if (stored != rows) {
            throw new IllegalStateException("COPY stored " + stored + " rows of " + rows);
        }
        return stored;
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
        connection.close();
    }
}
