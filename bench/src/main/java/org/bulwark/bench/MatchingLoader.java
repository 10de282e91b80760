package org.bulwark.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.bulwark.audit.AuditAction;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.core.employment.LabourerProfile;
import org.bulwark.core.employment.OpenPosting;
import org.bulwark.core.generate.employment.MatchingWorkload;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Puts a generated {@link MatchingWorkload} into the employment module's tables with COPY, in one transaction, for the
 * matching benchmark: an employer for every eight postings (at its first posting's place), the postings (one with no
 * opening left stored closed, as {@code MatchProfiles} reads a closed posting) and the labourers. Ids are the
 * generated ones plus an offset above every id stored, so the workload's matches can be compared with the stored
 * ones. The labourers are no registry persons: their person and household ids start at {@link #PERSON_BASE}, far
 * above any registry id, and a {@code ./bulwark employment refresh} of their region would remove them. Into an empty
 * {@code labourer} table the table's indexes are built once after the rows.
 */
public final class MatchingLoader {

    /** Where the generated labourers' person and household ids start. */
    public static final long PERSON_BASE = 1_000_000_000_000L;

    private static final String BY = "bench-matching";

    /** What was stored: the offsets added to the generated ids, and how long it took. */
    public record Loaded(
            long employerBase,
            long postingBase,
            long employers,
            long postings,
            long labourers,
            double copySeconds,
            double indexSeconds) {}

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    public MatchingLoader(DataSource dataSource, JdbcClient jdbc, AuditLog audit) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The labourers stored under {@code prefix} (the benchmark loads only into a region that has none). */
    public long labourersUnder(String prefix) {
        return jdbc.sql("select count(*) from labourer where village_code like :p")
                .param("p", prefix + "%")
                .query(Long.class)
                .single();
    }

    /** The codes of the villages under {@code prefix} in the region list, in code order. */
    public List<String> villages(String prefix) {
        return jdbc.sql("select code from region where level = 'VILLAGE' and code like :p order by code")
                .param("p", prefix + "%")
                .query(String.class)
                .list();
    }

    /** Stores the workload; {@code regionCode} names the region in the audit log. */
    public Loaded load(MatchingWorkload workload, String regionCode) throws SQLException {
        long employerBase = maxId("employer", "id");
        long postingBase = maxId("posting", "id");
        long started = System.nanoTime();
        long employers;
        long postings;
        long labourers;
        double copySeconds;
        double indexSeconds;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            employers = copy(copy, EMPLOYER_COPY, employerRows(workload.postings(), employerBase));
            postings = copy(copy, POSTING_COPY, postingRows(workload.postings(), employerBase, postingBase));
            boolean suspended = suspendIndexes(connection);
            labourers = copy(copy, LABOURER_COPY, labourerRows(workload.labourers()));
            copySeconds = (System.nanoTime() - started) / 1e9;
            long indexStart = System.nanoTime();
            if (suspended) {
                restoreIndexes(connection);
            }
            connection.commit();
            indexSeconds = (System.nanoTime() - indexStart) / 1e9;
        }
        try (Connection connection = dataSource.getConnection();
                var s = connection.createStatement()) {
            s.execute("select setval(pg_get_serial_sequence('employer', 'id'), (select max(id) from employer))");
            s.execute("select setval(pg_get_serial_sequence('posting', 'id'), (select max(id) from posting))");
            s.execute("analyze employer; analyze posting; analyze labourer");
        }
        audit.record(new AuditRecord(
                AuditAction.GENERATE,
                "labourer",
                null,
                regionCode,
                "generated for the matching benchmark: " + labourers + " labourers, " + postings + " postings",
                null,
                Map.of("employers", employers, "postings", postings, "labourers", labourers)));
        return new Loaded(employerBase, postingBase, employers, postings, labourers, copySeconds, indexSeconds);
    }

    private static final String EMPLOYER_COPY =
            "copy employer (id, kind, name, region_code, active, created_by, updated_by) from stdin";
    private static final String POSTING_COPY = "copy posting (id, employer_id, title, region_code, work_kind, skills,"
            + " monthly_wage, hours_per_week, openings, open_from, open_to, state, created_by, updated_by) from stdin";
    private static final String LABOURER_COPY = "copy labourer (person_id, household_id, village_code,"
            + " labour_capacity, in_work, monthly_wage, skills, wish_reach, wish_kinds, wish_min_wage, source,"
            + " updated_by) from stdin";

    /** One employer per generated employer id, at the place of its first posting; workshops in villages. */
    private static CopyText employerRows(List<OpenPosting> postings, long base) {
        Map<Long, OpenPosting> first = new TreeMap<>();
        for (OpenPosting p : postings) {
            first.putIfAbsent(p.employerId(), p);
        }
        CopyText rows = new CopyText(first.size() * 80);
        for (OpenPosting p : first.values()) {
            boolean village = p.place().isVillage();
            rows.cell(base + p.employerId())
                    .cell(village ? "WORKSHOP" : "ENTERPRISE")
                    .cell((village ? "生成帮扶车间" : "生成企业") + p.employerId())
                    .cell(p.place().value())
                    .cell("t")
                    .cell(BY)
                    .cell(BY)
                    .endRow();
        }
        return rows;
    }

    private static CopyText postingRows(List<OpenPosting> postings, long employerBase, long base) {
        CopyText rows = new CopyText(postings.size() * 160);
        for (OpenPosting p : postings) {
            boolean open = p.openings() > 0;
            rows.cell(base + p.id())
                    .cell(employerBase + p.employerId())
                    .cell("生成岗位" + p.id())
                    .cell(p.place().value())
                    .cell(p.kind().name())
                    .cell(array(p.requiredSkills()))
                    .cell(p.monthlyWage())
                    .cell(p.hoursPerWeek())
                    // the table takes no posting without an opening: a full one is closed
                    .cell(open ? p.openings() : 1)
                    .cell(p.openFrom())
                    .cell(p.openTo())
                    .cell(open ? "OPEN" : "CLOSED")
                    .cell(BY)
                    .cell(BY)
                    .endRow();
        }
        return rows;
    }

    private static Iterable<CopyText> labourerRows(List<LabourerProfile> labourers) {
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < labourers.size();
            }

            @Override
            public CopyText next() {
                CopyText rows = new CopyText(1 << 20);
                for (; next < labourers.size() && rows.length() < (1 << 20) - 256; next++) {
                    labourer(rows, labourers.get(next));
                }
                return rows;
            }
        };
    }

    private static void labourer(CopyText rows, LabourerProfile l) {
        rows.cell(PERSON_BASE + l.personId())
                .cell(PERSON_BASE + l.householdId())
                .cell(l.home().value())
                .cell(l.capacity().name())
                .cell(l.monthlyWage() == null ? "f" : "t")
                .cell(l.monthlyWage())
                .cell(array(l.skills()))
                .cell(l.wishes().farthest().name())
                .cell(array(l.wishes().kinds()))
                .cell(l.wishes().minMonthlyWage())
                .cell("REGISTRY")
                .cell(BY)
                .endRow();
    }

    private static String array(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.joining(",", "{", "}"));
    }

    private static long copy(CopyManager copy, String sql, CopyText rows) throws SQLException {
        return copy(copy, sql, List.of(rows));
    }

    private static long copy(CopyManager copy, String sql, Iterable<CopyText> chunks) throws SQLException {
        CopyIn in = copy.copyIn(sql);
        try {
            for (CopyText chunk : chunks) {
                byte[] bytes = chunk.drain();
                in.writeToCopy(bytes, 0, bytes.length);
            }
            return in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private long maxId(String table, String column) {
        return jdbc.sql("select coalesce(max(" + column + "), 0) from " + table)
                .query(Long.class)
                .single();
    }

    private final List<String> restore = new ArrayList<>();

    /** Drops the labourer table's secondary indexes when it is empty, to build them once after the rows. */
    private boolean suspendIndexes(Connection connection) throws SQLException {
        restore.clear();
        try (var s = connection.createStatement();
                var empty = s.executeQuery("select not exists (select 1 from labourer)")) {
            empty.next();
            if (!empty.getBoolean(1)) {
                return false;
            }
        }
        try (var s = connection.createStatement();
                var rs = s.executeQuery("select indexname, indexdef from pg_indexes where schemaname ="
                        + " current_schema() and tablename = 'labourer' and indexname <> 'labourer_pkey'")) {
            while (rs.next()) {
                restore.add(rs.getString(1) + "\t" + rs.getString(2));
            }
        }
        try (var s = connection.createStatement()) {
            for (String index : restore) {
                s.execute("drop index " + index.substring(0, index.indexOf('\t')));
            }
        }
        return true;
    }

    private void restoreIndexes(Connection connection) throws SQLException {
        try (var s = connection.createStatement()) {
            for (String index : restore) {
                s.execute(index.substring(index.indexOf('\t') + 1));
            }
        }
    }
}
