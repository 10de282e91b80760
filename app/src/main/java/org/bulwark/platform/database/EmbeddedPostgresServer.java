package org.bulwark.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server the application starts itself when no external database is configured.
 *
 * <p>The data directory survives restarts. A JVM killed with SIGKILL leaves its postmaster running and holding the
 * data directory; {@link #start} finds such an orphan through {@code postmaster.pid} and shuts it down before starting,
 * so the next start is never blocked.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts (creating if needed) the server whose data lives in {@code dataDirectory}, durably. */
    public static EmbeddedPostgresServer start(Path dataDirectory, boolean clean) {
        return start(dataDirectory, clean, true);
    }

    /**
     * Starts (creating if needed) the server whose data lives in {@code dataDirectory}. Not {@code durable}: without
     * fsync, for throwaway databases (tests), which a crash of the machine may leave broken.
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, boolean clean, boolean durable) {
        try {
            Files.createDirectories(dataDirectory.getParent() == null ? dataDirectory : dataDirectory.getParent());
            stopOrphanedPostmaster(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(clean)
                    // people's data: a commit must be durable once acknowledged. The library starts PostgreSQL with
                    // -F (fsync off: a crash of the machine could lose or break committed data); this comes after it
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "256MB")
                    // nothing replicates from the embedded server: with the least WAL, a table created and loaded in
                    // one transaction (a large import's part, COPY … FREEZE) and its index builds are written once,
                    // to their files, not also to the WAL (crash safety is the same; base backups need "replica")
                    .setServerConfig("wal_level", "minimal")
                    .setServerConfig("max_wal_senders", "0")
                    .setLocaleConfig("encoding", "UTF8")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // stopped by its owner, not by a JVM hook of its own that would race the Spring context's close:
                    // the context closes it after everything that uses the database (the event publication registry
                    // reads its unfinished publications as it closes); a JVM killed outright leaves it running, and
                    // the next start stops it (stopOrphanedPostmaster)
                    .setRegisterShutdownHook(false)
                    .start();
            log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dataDirectory);
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /** JDBC URL of the {@code postgres} database as superuser. */
    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    static void stopOrphanedPostmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (RuntimeException e) {
            Files.deleteIfExists(pidFile);
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(EmbeddedPostgresServer::isPostgres);
        if (process.isEmpty()) {
            // a stale pid file from a crash; postgres itself recovers the data on start
            Files.deleteIfExists(pidFile);
            return;
        }
        log.warn("Stopping PostgreSQL (pid {}) left running by a previous run on {}", pid, dataDirectory);
        ProcessHandle handle = process.get();
        // SIGTERM is PostgreSQL's "smart" shutdown: with its JVM gone no client remains, so it ends promptly
        handle.destroy();
        try {
            handle.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception timeout) {
            handle.destroyForcibly();
            try {
                handle.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception ignored) {
                throw new IOException("PostgreSQL pid " + pid + " holding " + dataDirectory + " did not stop");
            }
        }
        Files.deleteIfExists(pidFile);
    }

    private static boolean isPostgres(ProcessHandle handle) {
        return handle.info().command().map(c -> c.endsWith("postgres") || c.contains("/bin/postgres")).orElse(true);
    }
}
