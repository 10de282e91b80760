package org.bulwark.screening.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Runs copies side by side, each lane on a connection of its own that reads the snapshot the refresh's transaction
 * exported ({@code pg_export_snapshot()} and {@code SET TRANSACTION SNAPSHOT}), so that what the lanes copy together
 * is as consistent as one statement's copy. The lanes take the copies in the order given, one at a time each: a lane
 * holds only the copy it is working on, so at most {@code lanes} copies' columns are in memory at once.
 */
final class SnapshotLanes {

    /** One copy, run on a lane's connection. */
    interface Copy<T> {
        T run(Connection connection) throws SQLException, IOException;
    }

    private SnapshotLanes() {}

    /** Exports the snapshot of {@code connection}'s transaction, which must be repeatable read and stay open. */
    static String export(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select pg_export_snapshot()")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /**
     * Runs the copies on up to {@code lanes} connections reading the snapshot; returns their results in the order
     * of the copies. The first failure stops the lanes from starting another copy and is thrown.
     */
    static <T> List<T> run(DataSource dataSource, String snapshot, int lanes, List<Copy<T>> copies)
            throws SQLException, IOException {
        if (copies.isEmpty()) {
            return List.of();
        }
        Object[] results = new Object[copies.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        int count = Math.min(lanes, copies.size());
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                running.add(pool.submit(() -> {
                    lane(dataSource, snapshot, copies, results, next, failed);
                    return null;
                }));
            }
            for (Future<Void> lane : running) {
                await(lane);
            }
        } finally {
            pool.shutdownNow();
        }
        @SuppressWarnings("unchecked")
        List<T> ordered = (List<T>) Arrays.asList(results);
        return ordered;
    }

    private static <T> void lane(
            DataSource dataSource,
            String snapshot,
            List<Copy<T>> copies,
            Object[] results,
            AtomicInteger next,
            AtomicBoolean failed)
            throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement statement = connection.createStatement()) {
                // the snapshot id comes from PostgreSQL itself (hex digits and dashes), never from outside
                statement.execute("set transaction snapshot '" + snapshot.replace("'", "") + "'");
                for (int i = next.getAndIncrement(); i < copies.size() && !failed.get(); i = next.getAndIncrement()) {
                    results[i] = copies.get(i).run(connection);
                }
                connection.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                failed.set(true);
                connection.rollback();
                throw e;
            } finally {
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private static void await(Future<Void> lane) throws SQLException, IOException {
        try {
            lane.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }
}
