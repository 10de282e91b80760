package org.bulwark.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM killed with SIGKILL leaves its PostgreSQL running on the data directory; the next start must stop that
 * orphan and come up with the data intact. The first JVM is a real child process killed for real.
 */
class EmbeddedPostgresRestartTest {

    @TempDir
    Path temp;

    /** Child process: starts the server, writes a row, says "ready" and waits to be killed. */
    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), false);
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", server.password())) {
            c.createStatement().execute("create table if not exists kept (v text)");
            c.createStatement().execute("insert into kept values ('" + args[1] + "')");
        }
        System.out.println("CHILD-WROTE-ROW");
        System.out.flush();
        Thread.sleep(120_000);
    }

    @Test
    void startsAfterTheOwningJvmWasKilledAndKeepsTheData() throws Exception {
        Path data = temp.resolve("pg");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmbeddedPostgresRestartTest.class.getName(),
                        data.toString(),
                        "before-kill")
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            String line;
            boolean ready = false;
            while (!ready && (line = out.readLine()) != null) {
                ready = line.contains("CHILD-WROTE-ROW");
            }
            assertThat(ready).as("child started its database").isTrue();
        }
        child.destroyForcibly();
        assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.exists(data.resolve("postmaster.pid")))
                .as("orphaned postmaster still holds the data")
                .isTrue();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, false);
                Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", server.password());
                ResultSet rs = c.createStatement().executeQuery("select v from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("before-kill");
        }
    }

    @Test
    void aStalePidFileWithoutAProcessDoesNotBlockTheStart() throws Exception {
        Path data = temp.resolve("pg2");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, false)) {
            assertThat(server.port()).isPositive();
        }
        Files.writeString(data.resolve("postmaster.pid"), "999999\n" + data + "\n");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, false);
                Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", server.password())) {
            assertThat(c.isValid(2)).isTrue();
        }
    }

    @Test
    void thePlatformsServerWritesDurablyWithTheLeastWal() throws Exception {
        // the library starts PostgreSQL with fsync off; the platform's own data must survive a crash of the machine
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(temp.resolve("pg3"), false);
                Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", server.password())) {
            assertThat(setting(c, "fsync")).isEqualTo("on");
            assertThat(setting(c, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(c, "wal_level")).isEqualTo("minimal");
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(temp.resolve("pg4"), false, false);
                Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", server.password())) {
            assertThat(setting(c, "fsync")).as("a throwaway database").isEqualTo("off");
        }
    }

    @Test
    void aKilledServerIsStartedAgainOnItsPortWithItsDataByTheWatch() throws Exception {
        Path data = temp.resolve("pg5");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, false, false)) {
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", server.password())) {
                c.createStatement().execute("create table kept (v text); insert into kept values ('before')");
            }
            int port = server.port();
            EmbeddedDatabaseWatch watch = new EmbeddedDatabaseWatch(
                    new DatabaseServer(server.jdbcUrl(), "postgres", server.password(), server),
                    Duration.ofMillis(200));
            try {
                long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid"))
                        .get(0)
                        .trim());
                ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
                postmaster.destroyForcibly();
                assertThat(postmaster.onExit().get(20, TimeUnit.SECONDS).isAlive())
                        .isFalse();
                String value = null;
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (value == null && System.nanoTime() < until) {
                    try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", server.password());
                            ResultSet rs = c.createStatement().executeQuery("select v from kept")) {
                        rs.next();
                        value = rs.getString(1);
                    } catch (SQLException notYet) {
                        Thread.sleep(200);
                    }
                }
                assertThat(value)
                        .as("the data, on the same port, after the watch started the server")
                        .isEqualTo("before");
                assertThat(server.port()).isEqualTo(port);
            } finally {
                watch.destroy();
            }
        }
    }

    private static String setting(Connection c, String name) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
