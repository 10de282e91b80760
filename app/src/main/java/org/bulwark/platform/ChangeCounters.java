package org.bulwark.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counters of changes to the data, kept by statement-level triggers (V12, V23) and by the exchange for parts attached
 * without triggers firing: caches of more than one module (the exchange's registry index, the screening store) compare
 * them to know whether they still reflect the database. Read in the caller's transaction, they are of its snapshot.
 */
public final class ChangeCounters {

    /** Statements that changed households, persons or incomes. */
    public static final String REGISTRY = "registry";
    /** Department records inserted. */
    public static final String RECORDS_INSERTED = "records_inserted";
    /** Statements that updated, deleted or truncated department records. */
    public static final String RECORDS_CHANGED = "records_changed";

    private ChangeCounters() {}

    /** Every counter by name. */
    public static Map<String, Long> readAll(Connection connection) throws SQLException {
        Map<String, Long> counters = new HashMap<>();
        try (PreparedStatement statement =
                        connection.prepareStatement("select source, changes from screening_input_change");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                counters.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counters;
    }

    /** The counters named, by name; those that do not exist are left out. */
    public static Map<String, Long> read(Connection connection, String... sources) throws SQLException {
        Map<String, Long> counters = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select source, changes from screening_input_change where source = any(?)")) {
            statement.setArray(1, connection.createArrayOf("varchar", sources));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counters.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return counters;
    }

    /** One counter. */
    public static long read(JdbcClient jdbc, String source) {
        return jdbc.sql("select changes from screening_input_change where source = :s")
                .param("s", source)
                .query(Long.class)
                .single();
    }

    /** Adds {@code n} changes to a counter. */
    public static void add(JdbcClient jdbc, String source, long n) {
        jdbc.sql("update screening_input_change set changes = changes + :n where source = :s")
                .param("n", n)
                .param("s", source)
                .update();
    }

    /** Raises a counter to {@code value} if it is below it; whether it was. */
    public static boolean raiseTo(Connection connection, String source, long value) throws SQLException {
        try (PreparedStatement mark = connection.prepareStatement(
                "update screening_input_change set changes = ? where source = ? and changes < ?")) {
            mark.setLong(1, value);
            mark.setString(2, source);
            mark.setLong(3, value);
            return mark.executeUpdate() > 0;
        }
    }
}
