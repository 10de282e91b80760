package org.bulwark.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.bulwark.core.screening.RuleSet;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The strongest peers of the platform's screening: the default rules as one SQL statement over typed columns
 * ({@code bench/typed-rules.sql}, the same text for both), run by PostgreSQL over a typed copy of the region's inputs
 * in the bench's own schema {@code bench_typed} ({@link TypedInputs}), and by DuckDB, in process, over the same
 * copy exported from PostgreSQL. Building the copy and loading DuckDB are timed apart from the runs, as the peers'
 * store builds. Parameters and window starts are bound from the active rule file, as {@link SqlScreening} binds them.
 */
@Component
public class TypedScreening {

    private static final String QUERY = SqlScreening.resource("bench/typed-rules.sql");
    private static final String POSTGRES_FUNCTIONS = SqlScreening.resource("bench/typed-functions-postgres.sql");
    private static final String DUCKDB_FUNCTIONS = SqlScreening.resource("bench/typed-functions-duckdb.sql");
    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([a-z_][a-z0-9_]*)");

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    TypedScreening(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** How long a store build took, and the rows it holds. */
    public record Build(double seconds, long rows) {}

    /**
     * Builds the typed copy of the region's inputs in PostgreSQL (schema {@code bench_typed}, replaced if there), with
     * the helper functions and the planner's statistics.
     */
    public Build buildPostgres(String regionPrefix) {
        long started = System.nanoTime();
        dropPostgres();
        jdbc.sql("create schema " + TypedInputs.SCHEMA).update();
        execute(POSTGRES_FUNCTIONS);
        long rows = 0;
        for (TypedInputs.Table table : TypedInputs.tables()) {
            jdbc.sql(table.postgresDefinition()).update();
            rows += jdbc.sql(table.fill()).param("scope", regionPrefix + "%").update();
            jdbc.sql("analyze " + TypedInputs.SCHEMA + "." + table.name()).update();
        }
        return new Build((System.nanoTime() - started) / 1e9, rows);
    }

    /** Drops the typed copy from PostgreSQL; the platform's schema is left as it was. */
    public void dropPostgres() {
        jdbc.sql("drop schema if exists " + TypedInputs.SCHEMA + " cascade").update();
    }

    /** PostgreSQL runs the rules over the typed copy; the timing covers the statement and reading its hits. */
    @Transactional
    public SqlScreening.Outcome runPostgres(RuleSet rules, String regionPrefix, LocalDate asOf) {
        SqlScreening.checkTranslated(rules);
        // what a DBA gives one analytic statement on this machine: memory to hash and sort in
        jdbc.sql("set local work_mem = '1GB'").update();
        JdbcClient.StatementSpec statement = jdbc.sql(QUERY).params(SqlScreening.bindings(rules, regionPrefix, asOf));
        long started = System.nanoTime();
        SqlScreening.Hits hits = new SqlScreening.Hits();
        statement.query(rs -> {
            hits.add(rs.getObject(1, Long.class), rs.getString(2), rs.getString(3), rs.getString(4));
        });
        return hits.outcome((System.nanoTime() - started) / 1e9);
    }

    /**
     * Opens an in-memory DuckDB on {@code threads} threads and loads it with PostgreSQL's typed copy (which must be
     * built), each table exported as CSV into {@code folder} and read by DuckDB's COPY; both steps are timed.
     */
    public DuckDb loadDuckDb(Path folder, int threads, String memoryLimit) {
        try {
            Connection duck = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement s = duck.createStatement()) {
                s.execute("set threads = " + threads);
                s.execute("set memory_limit = '" + memoryLimit + "'");
                s.execute("set preserve_insertion_order = false");
                s.execute("create schema " + TypedInputs.SCHEMA);
                for (String macro : DUCKDB_FUNCTIONS.replaceAll("(?m)--.*$", "").split(";")) {
                    if (!macro.isBlank()) {
                        s.execute(macro);
                    }
                }
            }
            Files.createDirectories(folder);
            double export = 0;
            double load = 0;
            for (TypedInputs.Table table : TypedInputs.tables()) {
                Path file = folder.resolve(table.name() + ".csv");
                long started = System.nanoTime();
                exportCsv(table, file);
                long exported = System.nanoTime();
                try (Statement s = duck.createStatement()) {
                    s.execute(table.duckdbDefinition());
                    if (Files.size(file) > 0) {
                        // PostgreSQL's CSV as it writes it: no guessing of the dialect
                        s.execute("copy " + TypedInputs.SCHEMA + "." + table.name() + " from '" + file
                                + "' (format csv, header false, delim ',', quote '\"', escape '\"', "
                                + "auto_detect false)");
                    }
                }
                load += (System.nanoTime() - exported) / 1e9;
                export += (exported - started) / 1e9;
                Files.delete(file);
            }
            return new DuckDb(duck, export, load);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load DuckDB: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An in-memory DuckDB holding the typed copy, and how long exporting it from PostgreSQL and loading it took. */
    public record DuckDb(Connection connection, double exportSeconds, double loadSeconds) implements AutoCloseable {

        /** DuckDB runs the rules; the timing covers the statement and reading its hits. */
        public SqlScreening.Outcome run(RuleSet rules, String regionPrefix, LocalDate asOf) {
            SqlScreening.checkTranslated(rules);
            Map<String, Object> bound = SqlScreening.bindings(rules, regionPrefix, asOf);
            // DuckDB's JDBC driver binds by position: each :name becomes ?, comments first left out
            String sql = QUERY.replaceAll("(?m)--.*$", "");
            List<Object> values = new ArrayList<>();
            Matcher m = PARAMETER.matcher(sql);
            StringBuilder positional = new StringBuilder();
            while (m.find()) {
                if (!bound.containsKey(m.group(1))) {
                    throw new IllegalStateException("the typed SQL reads :" + m.group(1) + ", which is not bound");
                }
                values.add(bound.get(m.group(1)));
                m.appendReplacement(positional, "?");
            }
            m.appendTail(positional);
            long started = System.nanoTime();
            SqlScreening.Hits hits = new SqlScreening.Hits();
            try (PreparedStatement statement = connection.prepareStatement(positional.toString())) {
                for (int i = 0; i < values.size(); i++) {
                    statement.setObject(i + 1, values.get(i));
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        long household = rs.getLong(1);
                        hits.add(rs.wasNull() ? null : household, rs.getString(2), rs.getString(3), rs.getString(4));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("DuckDB cannot run the typed SQL: " + e.getMessage(), e);
            }
            return hits.outcome((System.nanoTime() - started) / 1e9);
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void exportCsv(TypedInputs.Table table, Path file) throws IOException {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (OutputStream out = Files.newOutputStream(file)) {
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyOut("copy " + TypedInputs.SCHEMA + "." + table.name() + " to stdout (format csv)", out);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot export " + table.name() + ": " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Runs a file of statements (the helper functions) as one script. */
    private void execute(String script) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Statement statement = connection.createStatement()) {
            statement.execute(script);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the typed SQL's helper functions: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
