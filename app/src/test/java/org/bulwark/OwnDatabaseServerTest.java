package org.bulwark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on a real Tomcat (random port) over a PostgreSQL server the test holds and can stop and start
 * again on the same port and data: for what only shows without the database, on a real server, or with the sign-in
 * defaults (the shared test profile lifts the per-address sign-in limit, as all tests come from 127.0.0.1). Classes
 * extending it share one application.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bulwark.security.sign-in.failures-per-address=3", "bulwark.security.sign-in.address-refill=PT1M",
            "server.servlet.session.timeout=20m", "bulwark.database.connection-timeout=PT2S"
        })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Tag("database")
public abstract class OwnDatabaseServerTest {

    private static final Path DATA =
            Path.of("target/test-pg/own-" + ProcessHandle.current().pid());
    private static final int PORT = freePort();
    private static EmbeddedPostgres server = start();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("bulwark.database.url", () -> "jdbc:postgresql://localhost:" + PORT + "/postgres");
        registry.add("bulwark.database.username", () -> "postgres");
    }

    /** Stops the database server, as an outage does; the application keeps running. */
    protected static synchronized void stopDatabase() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** Starts the database server again on the same port with the same data. */
    protected static synchronized void startDatabase() {
        if (server == null) {
            server = start();
        }
    }

    private static EmbeddedPostgres start() {
        try {
            Files.createDirectories(DATA.getParent());
            return EmbeddedPostgres.builder()
                    .setDataDirectory(DATA)
                    .setCleanDataDirectory(false)
                    .setPort(PORT)
                    .setServerConfig("fsync", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
