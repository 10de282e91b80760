package org.bulwark.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes every connection to the embedded server show the password. A data folder created before the server had a
 * password (the library's {@code initdb -A trust}) is migrated on its first start: the superuser gets the password,
 * {@code pg_hba.conf} is rewritten to {@code scram-sha-256} and reloaded, and the start waits until a connection
 * without the password is refused.
 */
final class PasswordAuthentication {

    /** initdb's options for a new folder: password authentication from the first moment, no trust window. */
    static final String METHOD = "scram-sha-256";

    private static final Logger log = LoggerFactory.getLogger(PasswordAuthentication.class);
    private static final Pattern TRUST_LINE = Pattern.compile("(?m)^\\s*[^#\\s].*\\btrust\\b");
    private static final String HBA = """
            # Written by Bulwark: every connection shows the password kept in %s (%s).
            # TYPE  DATABASE     USER  ADDRESS        METHOD
            local   all          all                  %2$s
            host    all          all   127.0.0.1/32   %2$s
            host    all          all   ::1/128        %2$s
            local   replication  all                  %2$s
            host    replication  all   127.0.0.1/32   %2$s
            host    replication  all   ::1/128        %2$s
            """.formatted(DatabasePassword.FILE_NAME, METHOD);

    private PasswordAuthentication() {}

    /** True when {@code pg_hba.conf} lets some connection in without a password (a folder of an earlier version). */
    static boolean trustsConnections(Path dataDirectory) throws IOException {
        return TRUST_LINE
                .matcher(Files.readString(dataDirectory.resolve("pg_hba.conf")))
                .find();
    }

    /** Gives the superuser the password and turns trust off on the running server. */
    static void require(EmbeddedPostgres postgres, Path dataDirectory, String password) throws IOException {
        log.warn(
                "The embedded database in {} let every local connection in without a password; setting one",
                dataDirectory);
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            // hashed here (SCRAM), so the password itself never reaches the server's statement log
            c.unwrap(PGConnection.class).alterUserPassword("postgres", password.toCharArray(), METHOD);
        } catch (SQLException e) {
            throw new IOException("Could not set the embedded database's password", e);
        }
        DatabasePassword.keepInside(dataDirectory, password);
        Path hba = dataDirectory.resolve("pg_hba.conf");
        Path next = dataDirectory.resolve("pg_hba.conf.next");
        Files.writeString(next, HBA);
        Files.move(next, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        reload(postgres);
        awaitRefusalWithoutPassword(postgres.getPort());
    }

    private static void reload(EmbeddedPostgres postgres) throws IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("Could not reload the embedded database's pg_hba.conf", e);
        }
    }

    /** The reload is asynchronous: the start goes on only once the server asks for the password. */
    private static void awaitRefusalWithoutPassword(int port) throws IOException {
        String url = "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Connection ignored = DriverManager.getConnection(url)) {
                Thread.sleep(50);
            } catch (SQLException refused) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IOException("The embedded database still lets connections in without a password");
    }
}
