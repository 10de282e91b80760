package org.bulwark.employment;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.bulwark.core.employment.JobWishes;
import org.bulwark.core.employment.LabourerProfile;
import org.bulwark.core.employment.OpenPosting;
import org.bulwark.core.employment.Reach;
import org.bulwark.core.employment.Skill;
import org.bulwark.core.employment.WorkKind;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.registry.LabourCapacity;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * The labourers and open postings of a region read with {@code COPY … TO STDOUT}, one text row at a time, straight
 * into the matching's profiles, as {@link MatchProfiles} makes them from rows (docs/employment.md, "Matching a whole
 * province"). A province holds millions of labourers but only thousands of villages and a few hundred distinct
 * skill sets and wishes: each row's village, skills, wishes and wages are shared with the rows before it, so the
 * heap holds little more than one small record per labourer.
 */
final class MatchingCopyReader {

    private final Map<String, RegionCode> regions = new HashMap<>();
    private final Map<String, Set<Skill>> skills = new HashMap<>();
    private final Map<String, Set<WorkKind>> kinds = new HashMap<>();
    private final Map<String, Integer> amounts = new HashMap<>();
    private final Map<String, JobWishes> wishes = new HashMap<>();

    /**
     * The labourers living under {@code prefix}: only they are read. A wage counts as current only in work, an
     * unsaid reach is the county (as {@link MatchProfiles#of(Labourer)}).
     */
    void labourers(Connection connection, String prefix, Consumer<LabourerProfile> into) throws SQLException {
        // COPY takes no parameters: the prefix is checked to be digits (RegionCode) by the caller. The columns that
        // shape a profile (capacity, skills, wishes) come last, so that one string of them finds the shared parts
        String sql = "copy (select person_id, household_id, village_code,"
                + " case when in_work then round(monthly_wage)::int end,"
                + " labour_capacity, skills, coalesce(wish_reach, 'COUNTY'), wish_kinds, round(wish_min_wage)::int"
                + " from labourer where village_code like '" + digits(prefix) + "%') to stdout";
        CopyOut out = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
        try {
            int[] tabs = new int[4];
            byte[] row;
            while ((row = out.readFromCopy()) != null) {
                into.accept(labourer(row, tabs));
            }
        } finally {
            if (out.isActive()) {
                out.cancelCopy();
            }
        }
    }

    /** One COPY text row of {@link #labourers}, read from its bytes: millions of rows, no string per cell. */
    private LabourerProfile labourer(byte[] row, int[] tabs) {
        int found = 0;
        for (int i = 0; i < row.length && found < tabs.length; i++) {
            if (row[i] == '\t') {
                tabs[found++] = i;
            }
        }
        int end = row[row.length - 1] == '\n' ? row.length - 1 : row.length;
        Shape shape = shapes.computeIfAbsent(
                new String(row, tabs[3] + 1, end - tabs[3] - 1, StandardCharsets.US_ASCII), this::shape);
        return new LabourerProfile(
                number(row, 0, tabs[0]),
                number(row, tabs[0] + 1, tabs[1]),
                villages.computeIfAbsent(
                        number(row, tabs[1] + 1, tabs[2]),
                        v -> region(new String(row, tabs[1] + 1, tabs[2] - tabs[1] - 1, StandardCharsets.US_ASCII))),
                shape.skills(),
                wage(row, tabs[2] + 1, tabs[3]),
                shape.wishes(),
                shape.capacity());
    }

    /** What labourers share: capacity, skills and wishes, from the last five columns of a row. */
    private record Shape(LabourCapacity capacity, Set<Skill> skills, JobWishes wishes) {}

    private Shape shape(String columns) {
        String[] c = new String[5];
        split(columns, c);
        return new Shape(LabourCapacity.valueOf(c[0]), skillSet(c[1]), wish(c[2], c[3], c[4]));
    }

    private final Map<String, Shape> shapes = new HashMap<>();
    private final Map<Long, RegionCode> villages = new HashMap<>();

    private static long number(byte[] row, int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (row[i] - '0');
        }
        return n;
    }

    private Integer wage(byte[] row, int from, int to) {
        return row[from] == '\\'
                ? null
                : amounts.computeIfAbsent(
                        new String(row, from, to - from, StandardCharsets.US_ASCII), Integer::valueOf);
    }

    /** The postings under {@code prefix} ("" for all) that take labourers on {@code day}. */
    void openPostings(Connection connection, String prefix, LocalDate day, List<OpenPosting> into) throws SQLException {
        String sql = "copy (select id, employer_id, region_code, work_kind, skills, round(monthly_wage)::int,"
                + " coalesce(hours_per_week, 0), openings, open_from, open_to from posting"
                + " where state = 'OPEN' and openings > 0 and open_from <= date '" + day + "'"
                + " and (open_to is null or open_to >= date '" + day + "')"
                + " and region_code like '" + digits(prefix) + "%') to stdout";
        String[] c = new String[10];
        read(
                connection,
                sql,
                c,
                () -> into.add(new OpenPosting(
                        Long.parseLong(c[0]),
                        Long.parseLong(c[1]),
                        region(c[2]),
                        WorkKind.valueOf(c[3]),
                        skillSet(c[4]),
                        Integer.parseInt(c[5]),
                        Integer.parseInt(c[6]),
                        Integer.parseInt(c[7]),
                        LocalDate.parse(c[8]),
                        c[9] == null ? null : LocalDate.parse(c[9]))));
    }

    private static void read(Connection connection, String sql, String[] cells, Runnable row) throws SQLException {
        CopyOut out = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
        try {
            byte[] bytes;
            while ((bytes = out.readFromCopy()) != null) {
                split(new String(bytes, StandardCharsets.UTF_8), cells);
                row.run();
            }
        } finally {
            if (out.isActive()) {
                out.cancelCopy();
            }
        }
    }

    /** Splits a COPY text row (no value here holds a tab, a backslash or a newline); {@code \N} is null. */
    private static void split(String line, String[] cells) {
        int end = line.endsWith("\n") ? line.length() - 1 : line.length();
        int from = 0;
        for (int i = 0; i < cells.length; i++) {
            int tab = line.indexOf('\t', from);
            int to = tab < 0 || tab > end ? end : tab;
            String cell = line.substring(from, to);
            cells[i] = cell.equals("\\N") ? null : cell;
            from = to + 1;
        }
    }

    private static String digits(String prefix) {
        if (!prefix.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new IllegalArgumentException("not a region prefix: " + prefix);
        }
        return prefix;
    }

    private RegionCode region(String code) {
        return regions.computeIfAbsent(code, RegionCode::new);
    }

    private Integer amount(String text) {
        return text == null ? null : amounts.computeIfAbsent(text, Integer::valueOf);
    }

    private Set<Skill> skillSet(String array) {
        return skills.computeIfAbsent(array, a -> elements(a, Skill.class));
    }

    private JobWishes wish(String reach, String kindArray, String minWage) {
        return wishes.computeIfAbsent(
                reach + '\t' + kindArray + '\t' + minWage,
                k -> new JobWishes(
                        Reach.valueOf(reach),
                        kinds.computeIfAbsent(kindArray, a -> elements(a, WorkKind.class)),
                        amount(minWage)));
    }

    /** The values of a text array of enum names, e.g. {@code {COOK,DRIVER}}. */
    private static <E extends Enum<E>> Set<E> elements(String array, Class<E> type) {
        EnumSet<E> values = EnumSet.noneOf(type);
        String inner = array.substring(1, array.length() - 1);
        if (!inner.isEmpty()) {
            for (String name : inner.split(",")) {
                values.add(Enum.valueOf(type, name));
            }
        }
        return values;
    }
}
