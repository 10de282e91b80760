package org.bulwark.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server the application starts itself when no external database is configured.
 *
 * <p>The data directory survives restarts. A JVM killed with SIGKILL leaves its postmaster running and holding the
 * data directory; {@link #start} finds such an orphan through {@code postmaster.pid} and shuts it down before starting,
 * so the next start is never blocked.
 *
 * <p>Every connection needs the superuser's password, generated on the first start and kept in the data folder
 * ({@link DatabasePassword}); a folder of an earlier version, which trusted every local connection, is given one on its
 * next start ({@link PasswordAuthentication}).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private volatile EmbeddedPostgres postgres;
    private final String password;
    private final Path dataDirectory;
    private final boolean clean;
    private final boolean durable;

    private EmbeddedPostgresServer(Started started, Path dataDirectory, boolean clean, boolean durable) {
        this.postgres = started.postgres();
        this.password = started.password();
        this.dataDirectory = dataDirectory;
        this.clean = clean;
        this.durable = durable;
    }

    private record Started(EmbeddedPostgres postgres, String password) {}

    /** Starts (creating if needed) the server whose data lives in {@code dataDirectory}, durably. */
    public static EmbeddedPostgresServer start(Path dataDirectory, boolean clean) {
        return start(dataDirectory, clean, true);
    }

    /**
     * Starts (creating if needed) the server whose data lives in {@code dataDirectory}. Not {@code durable}: without
     * fsync, for throwaway databases (tests), which a crash of the machine may leave broken.
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, boolean clean, boolean durable) {
        return new EmbeddedPostgresServer(launch(dataDirectory, clean, durable, 0), dataDirectory, clean, durable);
    }

    /** Starts PostgreSQL on the data directory, on {@code port} (any free one when 0). */
    private static Started launch(Path dataDirectory, boolean clean, boolean durable, int port) {
        try {
            Files.createDirectories(dataDirectory.getParent() == null ? dataDirectory : dataDirectory.getParent());
            stopOrphanedPostmaster(dataDirectory);
            boolean fresh = clean || !Files.exists(dataDirectory.resolve("postgresql.conf"));
            if (!fresh
                    && !DatabasePassword.isKept(dataDirectory)
                    && !PasswordAuthentication.trustsConnections(dataDirectory)) {
                // a new password would not open it: say what is missing rather than time out connecting
                throw new IllegalStateException("The embedded database in " + dataDirectory + " asks for a password, "
                        + "but its password file " + dataDirectory.resolve(DatabasePassword.FILE_NAME)
                        + " is missing: restore it (from a backup of the data folder)");
            }
            String password = DatabasePassword.obtain(dataDirectory);
            EmbeddedPostgres postgres = configure(
                            builder(dataDirectory, clean, durable, password), fresh, dataDirectory)
                    .setPort(port)
                    .start();
            if (!fresh && PasswordAuthentication.trustsConnections(dataDirectory)) {
                PasswordAuthentication.require(postgres, dataDirectory, password);
            }
            DatabasePassword.keepInside(dataDirectory, password);
            log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dataDirectory);
            return new Started(postgres, password);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static EmbeddedPostgres.Builder builder(
            Path dataDirectory, boolean clean, boolean durable, String password) {
        return EmbeddedPostgres.builder()
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
                // the library's own readiness check connects as the superuser too
                .setConnectConfig("password", password)
                .setPGStartupWait(Duration.ofSeconds(60))
                // stopped by its owner, not by a JVM hook of its own that would race the Spring context's close:
                // the context closes it after everything that uses the database (the event publication registry
                // reads its unfinished publications as it closes); a JVM killed outright leaves it running, and
                // the next start stops it (stopOrphanedPostmaster)
                .setRegisterShutdownHook(false);
    }

    /**
     * A new folder is created with password authentication for local and TCP connections: these options follow the
     * library's {@code initdb -A trust} and override it, so the server never runs without a password.
     */
    private static EmbeddedPostgres.Builder configure(
            EmbeddedPostgres.Builder builder, boolean fresh, Path dataDirectory) {
        if (fresh) {
            builder.setLocaleConfig("auth-local", PasswordAuthentication.METHOD)
                    .setLocaleConfig("auth-host", PasswordAuthentication.METHOD)
                    .setLocaleConfig(
                            "pwfile", DatabasePassword.pending(dataDirectory).toString());
        }
        return builder;
    }

    /** JDBC URL of the {@code postgres} database as superuser; the password goes separately. */
    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** The superuser's password (kept in the data folder, readable by its owner only). */
    public String password() {
        return password;
    }

    /** The folder the server keeps its data (and its password) in. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    public int port() {
        return postgres.getPort();
    }

    /**
     * Starts the server again, on the same port and data, when its process is gone (killed, or stopped by hand):
     * nobody else would start it, as only the application knows its port. Returns whether it did. A throwaway
     * server (started {@code clean}) is not started again: closing its dead instance would delete its data.
     */
    public synchronized boolean restartIfStopped() {
        if (clean || running()) {
            return false;
        }
        log.warn("Embedded PostgreSQL on port {} is not running; starting it again", port());
        int port = port();
        try {
            stopOrphanedPostmaster(dataDirectory);
            // the dead instance still holds the library's lock on the data directory; closing it lets it go
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgres = launch(dataDirectory, false, durable, port).postgres();
        return true;
    }

    /** Whether the postmaster that serves the data directory is alive. */
    boolean running() {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                    .map(ProcessHandle::isAlive)
                    .orElse(false);
        } catch (IOException | RuntimeException e) {
            return false;
        }
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
        Optional<ProcessHandle> process =
                ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(EmbeddedPostgresServer::isPostgres);
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
            handle.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception timeout) {
            handle.destroyForcibly();
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                throw new IOException("PostgreSQL pid " + pid + " holding " + dataDirectory + " did not stop");
            }
        }
        Files.deleteIfExists(pidFile);
    }

    private static boolean isPostgres(ProcessHandle handle) {
        return handle.info()
                .command()
                .map(c -> c.endsWith("postgres") || c.contains("/bin/postgres"))
                .orElse(true);
    }
}
