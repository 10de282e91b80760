package org.bulwark.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
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
import org.bulwark.core.identity.IdentityNumber;
import org.bulwark.core.identity.Sex;
import org.bulwark.platform.database.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry file or a monitoring roster whose import is killed with SIGKILL while it is stored leaves nothing of
 * itself in the database, and the same file then imports whole. The import runs as {@code ./bulwark registry import}
 * or {@code ./bulwark roster import} in a JVM of its own on a PostgreSQL the test starts. The test holds a lock on a
 * table the store writes late ({@code person}, {@code monitoring}) so that the import's transaction, once it has
 * written its first tables, waits there; the kill falls mid-store every time, and the test checks that it did (the
 * transaction open, its writes' locks held) before it kills.
 */
// in the demo module with the other kill test: it needs the platform's command line as a separate process
class ImportsSurviveKillTest {

    private static final Duration CHILD_LIMIT = Duration.ofMinutes(4);
    private static final String HEADER =
            "户编号,村代码,乡镇,村名,户类别,住址,联系电话,身份证号,姓名,与户主关系,性别,文化程度,在校情况,健康状况,残疾等级,劳动能力,务工状况,务工地点,务工时间（月）,参加基本医疗保险,参加基本养老保险";
    private static final List<String> VILLAGES = List.of("522324101209", "522324101210");
    private static final int HOUSEHOLDS = 400;

    @TempDir
    Path temp;

    @Test
    void aFileKilledWhileItIsStoredLeavesNothingAndThenImportsWhole() throws Exception {
        try (EmbeddedPostgresServer database = EmbeddedPostgresServer.start(temp.resolve("pg"), false, false)) {
            String url = database.jdbcUrl() + "&password=" + database.password();
            Path file = registryFile();
            // a dry run first: the platform creates its tables and previews the file, storing nothing
            Process dryRun = child(
                    "dry-run.log",
                    "registry",
                    "import",
                    file.toString(),
                    "--county",
                    "522324",
                    "--dry-run",
                    "--jdbc-url",
                    url);
            assertThat(dryRun.waitFor(CHILD_LIMIT.toSeconds(), TimeUnit.SECONDS))
                    .as("dry run finished")
                    .isTrue();
            assertThat(dryRun.exitValue()).as(log("dry-run.log")).isZero();
            assertThat(log("dry-run.log")).contains("households: " + HOUSEHOLDS + " new");
            assertNothingOfTheFile(url);

            killMidStore(url, file);
            assertNothingOfTheFile(url);

            Process again = child(
                    "import-again.log", "registry", "import", file.toString(), "--county", "522324", "--jdbc-url", url);
            assertThat(again.waitFor(CHILD_LIMIT.toSeconds(), TimeUnit.SECONDS))
                    .as("second import finished")
                    .isTrue();
            assertThat(again.exitValue()).as(log("import-again.log")).isZero();
            assertThat(count(url, "select count(*) from household where household_number like '5223241012%'"))
                    .isEqualTo(HOUSEHOLDS);
            assertThat(count(url, "select count(*) from person where id_number like '110101%'"))
                    .isEqualTo(3L * HOUSEHOLDS);
            assertThat(count(url, "select count(*) from registry_import")).isEqualTo(1);
            assertThat(count(url, "select count(*) from registry_import_household"))
                    .isEqualTo(HOUSEHOLDS);
            assertThat(count(url, "select count(*) from audit_log where entity_type = 'registry_import'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void aRosterKilledWhileItIsStoredLeavesNothingAndThenImportsWhole() throws Exception {
        try (EmbeddedPostgresServer database = EmbeddedPostgresServer.start(temp.resolve("pg"), false, false)) {
            String url = database.jdbcUrl() + "&password=" + database.password();
            Process registry = child(
                    "registry.log",
                    "registry",
                    "import",
                    registryFile().toString(),
                    "--county",
                    "522324",
                    "--jdbc-url",
                    url);
            assertThat(registry.waitFor(CHILD_LIMIT.toSeconds(), TimeUnit.SECONDS))
                    .as("registry imported")
                    .isTrue();
            assertThat(registry.exitValue()).as(log("registry.log")).isZero();
            Path roster = rosterFile();
            String[] importRoster = {"roster", "import", roster.toString(), "--county", "522324", "--jdbc-url", url};

            try (Connection holder = DriverManager.getConnection(url)) {
                holder.setAutoCommit(false);
                holder.createStatement().execute("lock table monitoring in exclusive mode");
                Process killed = child("roster.log", importRoster);
                String waiting = "select a.pid from pg_stat_activity a join pg_locks l on l.pid = a.pid where not "
                        + "l.granted and l.relation = 'monitoring'::regclass and a.query like 'insert into monitoring (%'";
                String pid = waitingMidStore(url, killed, "roster.log", waiting, "roster_import", "monitoring_event");
                kill(killed, holder, url, pid);
            }
            assertNoRoster(url);

            Process again = child("roster-again.log", importRoster);
            assertThat(again.waitFor(CHILD_LIMIT.toSeconds(), TimeUnit.SECONDS))
                    .as("second roster import finished")
                    .isTrue();
            assertThat(again.exitValue()).as(log("roster-again.log")).isZero();
            assertThat(count(url, "select count(*) from roster_import")).isEqualTo(1);
            assertThat(count(url, "select count(*) from monitoring")).isEqualTo(HOUSEHOLDS);
            assertThat(count(url, "select count(*) from roster_household")).isEqualTo(HOUSEHOLDS);
            assertThat(count(url, "select count(*) from audit_log where entity_type = 'roster_import'"))
                    .isEqualTo(1);
        }
    }

    private static void assertNoRoster(String url) throws SQLException {
        for (String table : List.of("roster_import", "monitoring", "monitoring_event", "roster_household")) {
            assertThat(count(url, "select count(*) from " + table)).as(table).isZero();
        }
        assertThat(count(url, "select count(*) from audit_log where entity_type in ('roster_import', 'monitoring')"))
                .isZero();
    }

    /** One monitoring period for each household of the registry file. */
    private Path rosterFile() throws IOException {
        StringBuilder text = new StringBuilder("户编号,监测类型,识别日期,风险类型\n");
        for (int i = 0; i < HOUSEHOLDS; i++) {
            text.append(VILLAGES.get(i % VILLAGES.size()))
                    .append(String.format("%04d", i))
                    .append(",边缘易致贫户,2024-05-06,因病\n");
        }
        Path file = temp.resolve("监测对象名单.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /**
     * Waits until the import's server process waits for the lock the test holds, and checks that it is mid-store:
     * its transaction open, written to (it has a transaction id), holding the locks of its writes to {@code written}.
     *
     * @return that server process's pid
     */
    private String waitingMidStore(String url, Process child, String logName, String waiting, String... written)
            throws SQLException {
        await("the import's transaction waits for the lock the test holds")
                .atMost(CHILD_LIMIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> !child.isAlive() || !query(url, waiting).isEmpty());
        assertThat(child.isAlive()).as(log(logName)).isTrue();
        String pid = query(url, waiting).get(0)[0];
        assertThat(query(
                                url,
                                "select backend_xid is not null, xact_start is not null from pg_stat_activity "
                                        + "where pid = " + pid)
                        .get(0))
                .containsExactly("t", "t");
        assertThat(query(
                                url,
                                "select relation::regclass::text from pg_locks where granted and pid = " + pid
                                        + " and mode = 'RowExclusiveLock' and relation is not null")
                        .stream()
                        .map(r -> r[0])
                        .toList())
                .contains(written);
        return pid;
    }

    /** Kills the child with SIGKILL, then releases the lock and waits until its server process has rolled back. */
    private static void kill(Process child, Connection holder, String url, String pid) throws Exception {
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("killed").isTrue();
        assertThat(child.exitValue()).as("SIGKILL").isEqualTo(128 + 9);
        holder.rollback();
        // its server process, on the lock released, finds its client gone and rolls back
        await("the killed import's server process ends")
                .atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> query(url, "select 1 from pg_stat_activity where pid = " + pid)
                        .isEmpty());
    }

    /**
     * Starts the import with {@code person} locked, waits until its transaction has written and waits for that lock,
     * checks what it holds, kills it with SIGKILL and waits until its server process is gone.
     */
    private void killMidStore(String url, Path file) throws Exception {
        try (Connection holder = DriverManager.getConnection(url)) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("lock table person in exclusive mode");
            Process killed =
                    child("import.log", "registry", "import", file.toString(), "--county", "522324", "--jdbc-url", url);
            String waiting = "select a.pid from pg_stat_activity a join pg_locks l on l.pid = a.pid "
                    + "where not l.granted and l.relation = 'person'::regclass and a.query like 'insert into person%'";
            String pid =
                    waitingMidStore(url, killed, "import.log", waiting, "household", "registry_import", "audit_log");
            assertThat(log("import.log")).contains("写入 writing").contains("households written");
            kill(killed, holder, url, pid);
            assertThat(log("import.log")).doesNotContain("stored as import");
        }
    }

    private static void assertNothingOfTheFile(String url) throws SQLException {
        assertThat(count(url, "select count(*) from household where household_number like '5223241012%'"))
                .isZero();
        assertThat(count(url, "select count(*) from person where id_number like '110101%'"))
                .isZero();
        assertThat(count(url, "select count(*) from registry_import")).isZero();
        assertThat(count(url, "select count(*) from registry_import_household")).isZero();
        assertThat(count(url, "select count(*) from audit_log where entity_type = 'registry_import'"))
                .isZero();
    }

    /** A members file of households of three, in two villages of the county. */
    private Path registryFile() throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        LocalDate born = LocalDate.of(1970, 1, 1);
        for (int i = 0; i < HOUSEHOLDS; i++) {
            String village = VILLAGES.get(i % VILLAGES.size());
            String number = village + String.format("%04d", i);
            text.append(row(number, village, IdentityNumber.compose("110101", born.plusDays(i), 10, Sex.MALE), "户主"));
            text.append(row(number, village, IdentityNumber.compose("110101", born.plusDays(i), 20, Sex.FEMALE), "配偶"));
            text.append(row(
                    number,
                    village,
                    IdentityNumber.compose("110101", born.plusYears(30).plusDays(i), 30, Sex.MALE),
                    "子女"));
        }
        Path file = temp.resolve("户籍成员.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static String row(String household, String village, IdentityNumber id, String relation) {
        return household + "," + village + ",,,一般农户,,," + id.value() + ",测试" + relation + "," + relation
                + ",,小学,,健康,无,普通劳动力,务农,,,是,是\n";
    }

    /** A platform command in a JVM of its own, its working folder in the test's. */
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
}
