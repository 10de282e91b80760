package org.bulwark.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server lets nobody in without its generated password — not over TCP, not as the superuser — and a
 * data folder made by an earlier version (which trusted every local connection) is given one on its next start.
 */
class EmbeddedPostgresPasswordTest {

    @TempDir
    Path temp;

    @Test
    void aConnectionWithoutThePasswordIsRefused() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(temp.resolve("pg"), false)) {
            assertRefusedWithoutPassword(server.port());
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "guessed")
                            .close())
                    .isInstanceOf(SQLException.class);
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", server.password())) {
                assertThat(c.isValid(2)).isTrue();
            }
        }
    }

    @Test
    void thePasswordIsKeptInTheDataFolderForTheOwnerOnlyAndSurvivesARestart() throws Exception {
        Path data = temp.resolve("pg");
        String first;
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, false)) {
            first = server.password();
        }
        Path file = data.resolve(DatabasePassword.FILE_NAME);
        assertThat(Files.readString(file).trim()).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(first).hasSizeGreaterThanOrEqualTo(32);
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, false);
                Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", first)) {
            assertThat(server.password()).isEqualTo(first);
            assertThat(c.isValid(2)).isTrue();
        }
    }

    @Test
    void aFolderWhosePasswordFileIsLostSaysSoInsteadOfTimingOut() throws Exception {
        Path data = temp.resolve("lost");
        EmbeddedPostgresServer.start(data, false).close();
        Files.delete(data.resolve(DatabasePassword.FILE_NAME));
        assertThatThrownBy(() -> EmbeddedPostgresServer.start(data, false).close())
                .hasMessageContaining("password file " + data.resolve(DatabasePassword.FILE_NAME) + " is missing");
    }

    @Test
    void aDataFolderOfAnEarlierVersionGetsAPasswordAndKeepsItsData() throws Exception {
        Path data = temp.resolve("old");
        // the earlier version: the library's defaults, every local connection trusted
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                        .setDataDirectory(data)
                        .setCleanDataDirectory(false)
                        .start();
                Connection c = old.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("create table kept (v text); insert into kept values ('from before')");
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, false)) {
            assertRefusedWithoutPassword(server.port());
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", server.password());
                    ResultSet rs = c.createStatement().executeQuery("select v from kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("from before");
            }
        }
        assertThat(Files.readString(data.resolve("pg_hba.conf"))).doesNotContainPattern("(?m)^[^#]*\\btrust\\b");
    }

    private static void assertRefusedWithoutPassword(int port) {
        String url = "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
        assertThatThrownBy(() -> DriverManager.getConnection(url).close())
                .as("a connection without the password")
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
        String ipv4 = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
        assertThatThrownBy(() -> DriverManager.getConnection(ipv4).close()).isInstanceOf(SQLException.class);
    }
}
