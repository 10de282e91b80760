package org.bulwark.screening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.bulwark.core.screening.ContributingRecords;
import org.bulwark.core.screening.Direction;
import org.bulwark.core.screening.Evidence;
import org.bulwark.core.screening.Hit;
import org.bulwark.core.screening.ScreeningResult;
import org.bulwark.core.screening.UnregisteredHit;
import org.bulwark.core.screening.WarningLevel;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Stores the hits of a run as warnings. A hit whose household (or unregistered person) already has an open warning
 * of the same rule raises nothing new. The hits are compared with the open warnings' keys held in memory
 * ({@link OpenWarnings}, current by the warnings' change counter), so PostgreSQL receives only the new warnings —
 * nothing at all when a repeated run finds nothing new; only for those is evidence written and copied. The partial
 * unique indexes still decide: should an open warning exist that the region's keys do not hold (a household that
 * moved keeps its warning under its former village), the copy is refused and an insert per kind of subject that
 * skips conflicts takes over.
 */
@Component
class WarningStore {

    private static final Logger log = LoggerFactory.getLogger(WarningStore.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final OpenWarnings openWarnings;

    WarningStore(JdbcClient jdbc, DataSource dataSource, OpenWarnings openWarnings) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.openWarnings = openWarnings;
    }

    /** The columns a new warning's COPY row fills (see {@link #row}). */
    private static final String COLUMNS = "run_id, as_of, household_id, id_number, village_code, rule_id, "
            + "rule_version, direction, risk_type, level, registered, deadline, evidence";

    /**
     * Raises the warnings of the result, a run of the region {@code prefix}; returns how many were new. Writes nothing
     * when every hit already has its open warning.
     */
    int raise(long runId, ScreeningResult result, ScreeningData.Input input, String prefix) {
        List<Hit> hits = result.hits();
        List<UnregisteredHit> unregistered = result.unregisteredHits();
        if (hits.isEmpty() && unregistered.isEmpty()) {
            return 0;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            long started = System.nanoTime();
            OpenWarnings.Keys open = openWarnings.of(prefix, OpenWarnings.lock(connection), connection);
            long keysRead = System.nanoTime();
            OpenWarnings.Raised raised = new OpenWarnings.Raised();
            List<Integer> fresh = withoutOpenWarning(open, hits, unregistered, input, raised);
            long compared = System.nanoTime();
            if (fresh.isEmpty()) {
                logStored(runId, result, 0, started, keysRead, compared);
                return 0;
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            Stored stored;
            try (Rows rows = new Rows(fresh, hits, unregistered, input, runId + "\t" + result.asOf() + "\t")) {
                stored = store(connection, copy, rows, fresh.size());
            }
            openWarnings.raised(open, raised, OpenWarnings.read(connection), stored.exact());
            logStored(runId, result, stored.count(), started, keysRead, compared);
            return stored.count();
        } catch (SQLException e) {
            openWarnings.forget();
            throw new IllegalStateException("storing the warnings of run " + runId + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            openWarnings.forget();
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Where the storing's time went, for the benchmarks (BENCHMARKS.md) and for operators. */
    private static void logStored(
            long runId, ScreeningResult result, int stored, long started, long keysRead, long compared) {
        log.info(
                "Run {}: {} hits, {} new warnings (open warnings' keys {} ms, compared in {} ms, new ones written "
                        + "and copied in {} ms)",
                runId,
                result.hits().size() + result.unregisteredHits().size(),
                stored,
                (keysRead - started) / 1_000_000,
                (compared - keysRead) / 1_000_000,
                (System.nanoTime() - compared) / 1_000_000);
    }

    /** How many warnings a run stored, and whether they are exactly those it found new (none open elsewhere). */
    private record Stored(int count, boolean exact) {}

    /**
     * The hits (by their order: the registered ones, then the unregistered) whose subject has no open warning of the
     * rule among the region's keys held in memory; their keys are noted as raised.
     */
    private List<Integer> withoutOpenWarning(
            OpenWarnings.Keys open,
            List<Hit> hits,
            List<UnregisteredHit> unregistered,
            ScreeningData.Input input,
            OpenWarnings.Raised raised) {
        List<Integer> fresh = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            Hit hit = hits.get(i);
            long key = openWarnings.householdKey(hit.householdId(), hit.ruleId());
            if (!open.householdOpen(key)) {
                fresh.add(i);
                raised.household(key, input.households().villageCode(hit.household()));
            }
        }
        for (int i = 0; i < unregistered.size(); i++) {
            UnregisteredHit hit = unregistered.get(i);
            String key = OpenWarnings.personKey(hit.idNumber(), hit.ruleId());
            if (!open.personOpen(key)) {
                fresh.add(hits.size() + i);
                raised.person(key, villageCode(hit));
            }
        }
        return fresh;
    }

    /** The village code an unregistered person's warning is stored under: the region of the records. */
    private static String villageCode(UnregisteredHit hit) {
        return (hit.regionCode() + "000000000000").substring(0, 12);
    }

    /**
     * Copies the new warnings straight into the table: these hits were just found to have no open warning among the
     * region's. Should one have an open warning elsewhere, the unique index refuses the copy, and an insert that
     * skips conflicts takes over. Returns how many were raised, and whether they were all those found new.
     */
    private Stored store(Connection connection, CopyManager copy, Rows rows, int count) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            rows.copy(copy, "copy warning (" + COLUMNS + ") from stdin");
            connection.releaseSavepoint(savepoint);
            return new Stored(count, true);
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(savepoint);
        }
        return new Stored(insertSkippingConflicts(copy, rows), false);
    }

    /** The new warnings through a temporary table, each kind of subject inserted where no open warning holds it. */
    private int insertSkippingConflicts(CopyManager copy, Rows rows) throws SQLException {
        jdbc.sql("create temporary table new_warning (like warning including defaults) on commit drop")
                .update();
        rows.copy(copy, "copy new_warning (" + COLUMNS + ") from stdin");
        int raised = jdbc.sql("insert into warning (" + COLUMNS + ") select " + COLUMNS
                        + " from new_warning where registered on conflict (household_id, rule_id) "
                        + "where status = 'OPEN' and household_id is not null do nothing")
                .update();
        raised += jdbc.sql("insert into warning (" + COLUMNS + ") select " + COLUMNS
                        + " from new_warning where not registered on conflict (id_number, rule_id) "
                        + "where status = 'OPEN' and household_id is null do nothing")
                .update();
        jdbc.sql("drop table new_warning").update();
        return raised;
    }

    /**
     * The new warnings as COPY rows in UTF-8, chunk by chunk, their evidence (the costly part) written on every
     * processor while the copy already sends the chunks that are ready — no text of all the rows is ever assembled.
     */
    private static final class Rows implements AutoCloseable {

        private static final int CHUNK = 2048;

        private final ExecutorService builders;
        private final List<Future<byte[]>> chunks = new ArrayList<>();

        Rows(
                List<Integer> fresh,
                List<Hit> hits,
                List<UnregisteredHit> unregistered,
                ScreeningData.Input input,
                String prefix) {
            builders = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), run -> {
                Thread thread = new Thread(run, "warning-rows");
                thread.setDaemon(true);
                return thread;
            });
            for (int from = 0; from < fresh.size(); from += CHUNK) {
                int start = from;
                int end = Math.min(fresh.size(), from + CHUNK);
                chunks.add(builders.submit(() -> {
                    StringBuilder text = new StringBuilder((end - start) * 384);
                    for (int i = start; i < end; i++) {
                        row(text.append(prefix), fresh.get(i), hits, unregistered, input);
                    }
                    return text.toString().getBytes(StandardCharsets.UTF_8);
                }));
            }
        }

        /** Copies the rows with the statement; returns how many were copied. */
        long copy(CopyManager copy, String sql) throws SQLException {
            CopyIn in = copy.copyIn(sql);
            try {
                for (Future<byte[]> chunk : chunks) {
                    byte[] bytes = built(chunk);
                    in.writeToCopy(bytes, 0, bytes.length);
                }
                return in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
        }

        private static byte[] built(Future<byte[]> chunk) {
            try {
                return chunk.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing warnings", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }

        @Override
        public void close() {
            builders.shutdownNow();
        }
    }

    /** One new warning's COPY line: the hit numbered {@code ord} (the registered ones, then the unregistered). */
    private static void row(
            StringBuilder line,
            int ord,
            List<Hit> hits,
            List<UnregisteredHit> unregistered,
            ScreeningData.Input input) {
        if (ord < hits.size()) {
            Hit hit = hits.get(ord);
            line.append(hit.householdId())
                    .append("\t\\N\t")
                    .append(input.households().villageCode(hit.household()))
                    .append('\t');
            ruleColumns(
                    line,
                    hit.ruleId(),
                    hit.ruleVersion(),
                    hit.direction(),
                    hit.riskType(),
                    hit.level(),
                    true,
                    hit.deadline());
            evidence(line, hit.evidence(), input);
        } else {
            UnregisteredHit hit = unregistered.get(ord - hits.size());
            line.append("\\N\t")
                    .append(hit.idNumber())
                    .append('\t')
                    .append(villageCode(hit))
                    .append('\t');
            ruleColumns(
                    line,
                    hit.ruleId(),
                    hit.ruleVersion(),
                    hit.direction(),
                    hit.riskType(),
                    hit.level(),
                    false,
                    hit.deadline());
            evidence(line, hit.evidence(), input);
        }
        line.append('\n');
    }

    /**
     * The evidence as stored: {"parameters": {...}, "features": {...}, "records": {feature: {"category": ...,
     * "recordIds": [...]}}} — the department records' ids behind each feature. Written directly: a province run
     * writes it hundreds of thousands of times.
     */
    private static void evidence(StringBuilder out, Evidence evidence, ScreeningData.Input input) {
        out.append("{\"parameters\": {");
        appendValues(out, evidence.parameters());
        out.append("}, \"features\": {");
        appendValues(out, evidence.features());
        out.append("}, \"records\": {");
        boolean first = true;
        for (Map.Entry<String, ContributingRecords> entry : evidence.records().entrySet()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            ContributingRecords contributing = entry.getValue();
            jsonText(out, entry.getKey()).append(": {\"category\": ");
            jsonText(out, contributing.category()).append(", \"recordIds\": [");
            long[] ids = input.recordIds().get(contributing.category());
            boolean firstId = true;
            for (int index : contributing.records()) {
                if (ids != null && index >= 0 && index < ids.length) {
                    if (!firstId) {
                        out.append(", ");
                    }
                    firstId = false;
                    out.append(ids[index]);
                }
            }
            out.append("]}");
        }
        out.append("}}");
    }

    private static void appendValues(StringBuilder out, Map<String, ?> values) {
        boolean first = true;
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            jsonText(out, entry.getKey()).append(": ");
            Object value = entry.getValue();
            if (value instanceof Number || value instanceof Boolean) {
                out.append(value);
            } else {
                jsonText(out, String.valueOf(value));
            }
        }
    }

    /** A JSON string, escaped for JSON and then for COPY's text format (backslashes doubled). */
    private static StringBuilder jsonText(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\\\"");
                case '\\' -> out.append("\\\\\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    /** The rule's columns of a warning's COPY line, the same for a household's hit and an unregistered person's. */
    private static void ruleColumns(
            StringBuilder line,
            String ruleId,
            String ruleVersion,
            Direction direction,
            String riskType,
            WarningLevel level,
            boolean registered,
            LocalDate deadline) {
        line.append(ruleId)
                .append('\t')
                .append(ruleVersion)
                .append('\t')
                .append(direction.name())
                .append('\t')
                .append(text(riskType))
                .append('\t')
                .append(level.name())
                .append(registered ? "\tt\t" : "\tf\t")
                .append(deadline)
                .append('\t');
    }

    /** A text cell for COPY; risk types are identifiers, null for upward rules. */
    private static String text(String value) {
        return value == null ? "\\N" : value;
    }
}
