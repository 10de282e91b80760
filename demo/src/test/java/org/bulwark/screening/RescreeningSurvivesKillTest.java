package org.bulwark.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bulwark.cli.BulwarkCli;
import org.bulwark.platform.database.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A platform killed with SIGKILL after a batch committed but before its re-screening wrote the warnings loses no
 * warning: the restarted platform finds the batch's publication incomplete in the event publication registry and
 * re-screens. Every platform here is a real JVM of its own on one PostgreSQL that the test starts; the re-screening
 * is held at its first write to {@code warning} by a table lock the test takes, so the kill falls between the batch's
 * commit and its warnings, every time.
 */
// in the demo module because its first child generates the registry (a tool, not in the platform's jar);
// not tagged "database": it starts its own PostgreSQL whatever the configured one, so CI's second pass (on the
// server) would only repeat it
class RescreeningSurvivesKillTest {

    private static final Duration CHILD_LIMIT = Duration.ofMinutes(4);

    @TempDir
    Path temp;

    @Test
    void aBatchWhoseRescreeningWasKilledGetsItsWarningsAfterRestart() throws Exception {
        try (EmbeddedPostgresServer database = EmbeddedPostgresServer.start(temp.resolve("pg"), false, false)) {
            // the embedded server asks for its password (URL-safe Base64): in the URL, the children get it too
            String url = database.jdbcUrl() + "&password=" + database.password();
            Process generate =
                    child("generate.log", "generate", "--county", "522324", "--households", "20", "--jdbc-url", url);
            assertThat(generate.waitFor(CHILD_LIMIT.toSeconds(), TimeUnit.SECONDS))
                    .as("generate finished")
                    .isTrue();
            assertThat(generate.exitValue()).as(log("generate.log")).isZero();
            String[] person = query(url, "select p.id_number, p.name, p.household_id from person p limit 1")
                    .get(0);
            Path file = settlement(person);

            Process killed;
            try (Connection holder = DriverManager.getConnection(url)) {
                holder.setAutoCommit(false);
                holder.createStatement().execute("lock table warning in exclusive mode");
                killed = child(
                        "import.log",
                        "import",
                        "--category",
                        "medical_settlement",
                        "--file",
                        file.toString(),
                        "--region",
                        "522324",
                        "--jdbc-url",
                        url);
                await("the batch committed and its re-screening waits to write warnings")
                        .atMost(CHILD_LIMIT)
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> !killed.isAlive()
                                || count(url, "select count(*) from exchange_batch where status = 'ACCEPTED'") == 1
                                        && count(
                                                        url,
                                                        "select count(*) from pg_locks where not granted "
                                                                + "and relation = 'warning'::regclass")
                                                > 0);
                assertThat(killed.isAlive()).as(log("import.log")).isTrue();
                killed.destroyForcibly();
                assertThat(killed.waitFor(30, TimeUnit.SECONDS)).as("killed").isTrue();
                holder.rollback();
            }
            String warningsOfHousehold = "select count(*) from warning where household_id = " + person[2];
            assertThat(count(url, warningsOfHousehold))
                    .as("the kill came before the warnings")
                    .isZero();

            Process restarted = child("serve.log", "serve", "--port", String.valueOf(freePort()), "--jdbc-url", url);
            try {
                await("the restarted platform re-screens the batch")
                        .atMost(CHILD_LIMIT)
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> !restarted.isAlive() || count(url, warningsOfHousehold) > 0);
                assertThat(count(url, warningsOfHousehold))
                        .as("warnings after restart; " + log("serve.log"))
                        .isPositive();
                assertThat(count(
                                url,
                                "select count(*) from warning where household_id = " + person[2]
                                        + " and rule_id = 'MED-01'"))
                        .isEqualTo(1);
                await("the publication completed")
                        .atMost(Duration.ofMinutes(1))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> count(url, "select count(*) from event_publication where completion_date is null")
                                == 0);
            } finally {
                restarted.destroy();
                if (!restarted.waitFor(60, TimeUnit.SECONDS)) {
                    restarted.destroyForcibly();
                }
            }
        }
    }

    /** A platform command in a JVM of its own, its working folder (and so its screening store) in the test's. */
    private Process child(String logName, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-cp",
                System.getProperty("java.class.path"),
                BulwarkCli.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .directory(temp.toFile())
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve(logName).toFile())
                .start();
    }

    private String log(String name) {
        try {
            String text = Files.readString(temp.resolve(name));
            return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** One medical settlement far above every threshold of MED-01, for the person. */
    private Path settlement(String[] person) throws IOException {
        Path file = temp.resolve("settlement.csv");
        Files.writeString(
                file,
                "id_number,name,settle_date,kind,total_cost,fund_paid,out_of_pocket,"
                        + "in_scope_out_of_pocket\n" + person[0] + "," + person[1] + ","
                        + LocalDate.now().minusDays(10)
                        + ",inpatient,300000.00,50000.00,250000.00,100000.00\n",
                StandardCharsets.UTF_8);
        return file;
    }

    private static long count(String url, String sql) throws SQLException {
        return Long.parseLong(query(url, sql).get(0)[0]);
    }

    private static List<String[]> query(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            List<String[]> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                String[] row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getString(i + 1);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
