package org.bulwark.registry;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import org.bulwark.core.identity.Sex;
import org.bulwark.core.registry.Disability;
import org.bulwark.core.registry.Education;
import org.bulwark.core.registry.Employment;
import org.bulwark.core.registry.EmploymentPlace;
import org.bulwark.core.registry.Health;
import org.bulwark.core.registry.LabourCapacity;
import org.bulwark.core.registry.Relation;
import org.bulwark.core.registry.Schooling;
import org.bulwark.identity.RegionScope;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * The persons of a scope read with COPY … TO STDOUT, one text row at a time, into {@link Person}s: a million persons
 * through a result set arrive as eighteen small byte arrays each, all held until the last row, then mapped column by
 * name; here each row becomes its person and nothing else stays.
 */
final class PersonCopyReader {

    private static final int COLUMNS = 18;

    private PersonCopyReader() {}

    /** Puts the scope's persons into {@code into} by identity number, on the caller's connection. */
    static void read(Connection connection, RegionScope scope, Map<String, Person> into) throws SQLException {
        // COPY takes no parameters: the scope's prefix is digits only (RegionScope checks it)
        String sql = "copy (select p.id, p.household_id, p.id_number, p.name, p.sex, p.birth_date, p.relation,"
                + " p.education, p.health, p.disability, p.labour_capacity, p.employment, p.employment_place,"
                + " p.employment_months, p.schooling, p.medical_insured, p.pension_insured, p.version"
                + " from person p join household h on h.id = p.household_id"
                + " where h.village_code like '" + scope.prefix() + "%') to stdout";
        CopyOut out = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
        try {
            String[] cells = new String[COLUMNS];
            byte[] row;
            while ((row = out.readFromCopy()) != null) {
                split(new String(row, StandardCharsets.UTF_8), cells);
                Person p = person(cells);
                into.put(p.idNumber(), p);
            }
        } finally {
            if (out.isActive()) {
                out.cancelCopy();
            }
        }
    }

    private static Person person(String[] c) {
        return new Person(
                Long.parseLong(c[0]),
                Long.parseLong(c[1]),
                c[2],
                c[3],
                Sex.valueOf(c[4]),
                LocalDate.parse(c[5]),
                Relation.valueOf(c[6]),
                value(c[7], Education.class),
                value(c[8], Health.class),
                value(c[9], Disability.class),
                value(c[10], LabourCapacity.class),
                value(c[11], Employment.class),
                value(c[12], EmploymentPlace.class),
                c[13] == null ? null : Integer.valueOf(c[13]),
                value(c[14], Schooling.class),
                "t".equals(c[15]),
                "t".equals(c[16]),
                Integer.parseInt(c[17]));
    }

    private static <E extends Enum<E>> E value(String v, Class<E> type) {
        return v == null ? null : Enum.valueOf(type, v);
    }

    /** COPY's text format: tab between cells, {@code \N} for null, backslash escapes, a newline at the end. */
    static void split(String line, String[] cells) {
        int end = line.endsWith("\n") ? line.length() - 1 : line.length();
        int start = 0;
        for (int i = 0; i < cells.length; i++) {
            int tab = line.indexOf('\t', start);
            int stop = tab < 0 || tab > end ? end : tab;
            cells[i] = cell(line, start, stop);
            start = stop + 1;
        }
    }

    private static String cell(String line, int from, int to) {
        if (to - from == 2 && line.charAt(from) == '\\' && line.charAt(from + 1) == 'N') {
            return null;
        }
        int slash = line.indexOf('\\', from);
        if (slash < 0 || slash >= to) {
            return line.substring(from, to);
        }
        StringBuilder out = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char ch = line.charAt(i);
            if (ch != '\\' || i + 1 >= to) {
                out.append(ch);
                continue;
            }
            char next = line.charAt(++i);
            out.append(
                    switch (next) {
                        case 't' -> '\t';
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        case 'b' -> '\b';
                        case 'f' -> '\f';
                        case 'v' -> '\u000b';
                        default -> next;
                    });
        }
        return out.toString();
    }
}
