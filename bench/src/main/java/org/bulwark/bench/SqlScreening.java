package org.bulwark.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.Month;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.bulwark.core.screening.Parameters;
import org.bulwark.core.screening.Rule;
import org.bulwark.core.screening.RuleSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The default rules as SQL ({@code bench/default-rules.sql}), run by PostgreSQL over the records as stored: the
 * reference the platform's screening is measured against. Parameters and window starts come from the rule file.
 */
@Component
public class SqlScreening {

    /** The rules the SQL is a translation of; another rule file would need its own SQL. */
    static final Set<String> RULES = new TreeSet<>(List.of(
            "INC-01", "INC-02", "MED-01", "MED-02", "MED-03", "MED-04", "DIS-01", "EDU-01", "EDU-02", "DSR-01",
            "ACC-01", "EMP-01", "HOU-01", "WAT-01", "IND-01", "IND-02", "CRD-01", "AST-01", "ALC-01", "VER-01",
            "VER-02", "VER-03", "VER-04", "VER-05", "ALC-02", "VER-06"));

    private static final String QUERY = resource("bench/default-rules.sql");
    private static final String FUNCTIONS = resource("bench/functions.sql");

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    SqlScreening(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * The hits, kept compact (a province has about a million) as "household rule level" or "person rule level"
     * texts, and how long PostgreSQL took to compute and return them.
     */
    public record Outcome(Set<String> hits, Set<String> rules, boolean unregisteredHits, double seconds) {}

    /** The key of a hit as {@link Outcome#hits()} holds it. */
    public static String key(Long householdId, String idNumber, String rule, String level) {
        return (householdId != null ? "h" + householdId : "p" + idNumber) + " " + rule + " " + level;
    }

    /** Runs the rules over the region as of the date; the timing covers the statement and reading its hits. */
    @Transactional
    public Outcome run(RuleSet rules, String regionPrefix, LocalDate asOf) {
        checkTranslated(rules);
        createFunctions();
        // what a DBA gives one analytic statement on this machine: memory to hash and sort in
        jdbc.sql("set local work_mem = '1GB'").update();
        // a plain query, read back in full: an INSERT … SELECT would keep PostgreSQL from planning parallel workers
        JdbcClient.StatementSpec statement = jdbc.sql(QUERY).params(bindings(rules, regionPrefix, asOf));
        long started = System.nanoTime();
        Hits hits = new Hits();
        statement.query(rs -> {
            hits.add(rs.getObject(1, Long.class), rs.getString(2), rs.getString(3), rs.getString(4));
        });
        return hits.outcome((System.nanoTime() - started) / 1e9);
    }

    /** The hits of a statement as they are read, gathered into an {@link Outcome}. */
    static final class Hits {
        private final Set<String> keys = new HashSet<>();
        private final Set<String> rules = new TreeSet<>();
        private boolean unregistered;

        void add(Long householdId, String idNumber, String rule, String level) {
            keys.add(key(householdId, idNumber, rule, level));
            rules.add(rule);
            unregistered |= householdId == null;
        }

        Outcome outcome(double seconds) {
            return new Outcome(keys, rules, unregistered, seconds);
        }
    }

    /** Refuses a rule file the SQL does not translate. */
    static void checkTranslated(RuleSet rules) {
        Set<String> ids = rules.rules().stream().map(Rule::id).collect(Collectors.toCollection(TreeSet::new));
        if (!ids.equals(RULES)) {
            throw new IllegalArgumentException(
                    "the SQL translates the default rules " + RULES + "; the active rule " + "file has " + ids);
        }
    }

    /**
     * What the SQL's named parameters are bound to: the region, the as-of date and the windows' starts the engine
     * derives from it, and every parameter of the rule file as it resolves for the region's province and year.
     */
    static Map<String, Object> bindings(RuleSet rules, String regionPrefix, LocalDate asOf) {
        Map<String, Object> bound = new LinkedHashMap<>();
        bound.put("scope", regionPrefix + "%");
        bound.put("t", asOf);
        bound.put("year", asOf.getYear());
        bound.put("m12", asOf.minusMonths(12).plusDays(1));
        bound.put("this_year", asOf.withDayOfYear(1));
        int schoolYear = asOf.getMonthValue() >= Month.SEPTEMBER.getValue() ? asOf.getYear() : asOf.getYear() - 1;
        bound.put("school_year", LocalDate.of(schoolYear, Month.SEPTEMBER, 1));
        bound.put("last_year_start", LocalDate.of(asOf.getYear() - 1, 1, 1));
        bound.put("last_year_end", LocalDate.of(asOf.getYear() - 1, 12, 31));
        Parameters parameters =
                rules.parameters(regionPrefix.length() >= 2 ? regionPrefix.substring(0, 2) : "", asOf.getYear());
        for (String name : rules.parameterNames()) {
            bound.put(name, parameters.value(name));
        }
        return bound;
    }

    private void createFunctions() {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Statement statement = connection.createStatement()) {
            statement.execute(FUNCTIONS);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the SQL rules' helper functions: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    static String resource(String name) {
        try (InputStream in = SqlScreening.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
