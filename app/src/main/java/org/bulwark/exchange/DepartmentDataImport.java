package org.bulwark.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bulwark.audit.AuditAction;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.core.exchange.CategorySchema;
import org.bulwark.core.exchange.DataCatalogue;
import org.bulwark.core.exchange.RowProblem;
import org.bulwark.core.exchange.RowValidator;
import org.bulwark.core.exchange.ValidatedRow;
import org.bulwark.exchange.read.FileRejectedException;
import org.bulwark.exchange.read.RowSource;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.RegionScope;
import org.bulwark.identity.Role;
import org.bulwark.platform.InvalidInputException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Imports a department's batch: every row is validated against its category's schema and matched to the registry;
 * the valid rows are stored in one transaction (all of them or, with all-or-nothing, none when any row fails),
 * each record once, with its provenance (batch, source row, time). Rows about residents who are not registered are
 * kept: they are the omissions the downward check exists to find.
 */
@Service
public class DepartmentDataImport {

    private static final int CHUNK = 10_000;
    /** The catalogue's conventional key fields. */
    static final String ID_NUMBER = "id_number";
    static final String HOUSEHOLD_NUMBER = "household_number";
    static final String VILLAGE_CODE = "village_code";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DepartmentDataImport.class);

    private final DataCatalogue catalogue;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final ObjectMapper json;
    private final Clock clock;
    private final BatchSources sources;
    private final org.springframework.context.ApplicationEventPublisher events;

    DepartmentDataImport(DataCatalogue catalogue, CurrentUser currentUser, AuditLog audit,
                         JdbcClient jdbc, DataSource dataSource, ObjectMapper json, Clock clock, BatchSources sources,
                         org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.catalogue = catalogue;
        this.currentUser = currentUser;
        this.audit = audit;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.json = json;
        this.clock = clock;
        this.sources = sources;
    }

    /** Imports the file; the report says what was stored and what was not, and why. */
    @Transactional
    public Batch run(ImportRequest request) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.IMPORT_DEPARTMENT_DATA);
        CategorySchema schema = catalogue.category(request.category()).orElseThrow(() -> InvalidInputException.of(
                "category", "unknown_category", "no data category '" + request.category() + "' in the catalogue"));
        if (user.role() == Role.DEPARTMENT_OFFICER && !schema.department().equals(user.department())) {
            throw InvalidInputException.of("category", "other_department", "category " + schema.code()
                    + " belongs to department " + schema.department() + ", not to yours");
        }
        if (request.format() == null) {
            throw InvalidInputException.of("file", "format", "send a .csv, .xlsx or .json file");
        }
        long started = System.nanoTime();
        String sha256 = sha256(request);
        long bytes = size(request);
        long batchId = insertBatch(request, schema, user, sha256, bytes);

        Optional<Long> earlier = jdbc.sql("select id from exchange_batch where category = :c and file_sha256 = :h "
                        + "and status = 'ACCEPTED' and id <> :id")
                .param("c", schema.code()).param("h", sha256).param("id", batchId).query(Long.class).optional();
        if (earlier.isPresent()) {
            return finish(batchId, BatchStatus.DUPLICATE, "the same file was imported before as batch " + earlier.get()
                    + "; nothing was added", new Counts(), started, schema, user);
        }
        try (RowSource source = sources.open(request)) {
            RowValidator validator = new RowValidator(schema, LocalDate.now(clock));
            List<RowProblem> columnProblems = validator.checkColumns(source.header());
            jdbc.sql("update exchange_batch set header = cast(:h as jsonb) where id = :id")
                    .param("h", json.writeValueAsString(source.header())).param("id", batchId).update();
            if (!columnProblems.isEmpty()) {
                return finish(batchId, BatchStatus.REJECTED, "wrong columns: " + describe(columnProblems),
                        new Counts(), started, schema, user);
            }
            Counts counts = store(batchId, schema, validator, source, user.scope(), request.allOrNothing());
            if (request.allOrNothing() && counts.rejected > 0) {
                // store() kept the staged rows out of department_record: nothing to undo
                counts.accepted = 0;
                counts.repeated = 0;
                return finish(batchId, BatchStatus.REJECTED, counts.rejected
                        + " row(s) failed and all-or-nothing was asked; nothing was stored", counts, started, schema, user);
            }
            if (counts.total == 0) {
                return finish(batchId, BatchStatus.REJECTED, "the file has no data rows", counts, started, schema, user);
            }
            Batch batch = finish(batchId, BatchStatus.ACCEPTED, null, counts, started, schema, user);
            if (counts.accepted > 0) {
                events.publishEvent(new BatchStored(batchId, schema.code(), user.regionCode(), user.getUsername(),
                        counts.accepted));
            }
            return batch;
        } catch (FileRejectedException e) {
            // the file broke off part-way: keep nothing of it, not even the rows rejected before the break
            jdbc.sql("delete from exchange_rejected_row where batch_id = :id").param("id", batchId).update();
            return finish(batchId, BatchStatus.REJECTED, e.getMessage(), new Counts(), started, schema, user);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts of one import. */
    static final class Counts {
        long readNanos;
        long stageNanos;
        long storeNanos;
        int total;
        int accepted;
        int rejected;
        int repeated;
        int unmatched;
    }

    private Counts store(long batchId, CategorySchema schema, RowValidator validator, RowSource source,
                         RegionScope scope, boolean allOrNothing) throws IOException {
        Map<String, String> headerToField = validator.headerToField(source.header());
        Counts counts = new Counts();
        Map<String, Integer> seenInBatch = new HashMap<>();
        List<StagedRow> chunk = new ArrayList<>(CHUNK);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            jdbc.sql("""
                    create temporary table if not exists incoming_record (
                        source_row int, id_number varchar(18), household_number varchar(20), village_code varchar(12),
                        name text, record_date date, amount numeric(16, 2), fields jsonb, row_hash varchar(64),
                        raw jsonb) on commit drop
                    """).update();
            jdbc.sql("truncate incoming_record").update();
            long mark = System.nanoTime();
            for (RowSource.Row row : (Iterable<RowSource.Row>) source::rows) {
                counts.total++;
                Map<String, String> cells = byField(row.cells(), headerToField);
                ValidatedRow validated = validator.validate(row.number(), cells);
                if (!validated.problems().isEmpty()) {
                    reject(batchId, row, describe(validated.problems()));
                    counts.rejected++;
                    continue;
                }
                String hash = rowHash(schema, validated.values());
                Integer first = seenInBatch.putIfAbsent(hash, (int) row.number());
                if (first != null) {
                    reject(batchId, row, "duplicate of row " + first + " in this file");
                    counts.rejected++;
                    continue;
                }
                chunk.add(new StagedRow(validated, row.cells(), hash));
                if (chunk.size() == CHUNK) {
                    counts.readNanos += System.nanoTime() - mark;
                    mark = System.nanoTime();
                    copyChunk(copy, schema, chunk);
                    counts.stageNanos += System.nanoTime() - mark;
                    mark = System.nanoTime();
                }
            }
            counts.readNanos += System.nanoTime() - mark;
            mark = System.nanoTime();
            copyChunk(copy, schema, chunk);
            counts.stageNanos += System.nanoTime() - mark;
            mark = System.nanoTime();
            matchInSql(batchId, schema, scope, counts);
            if (!(allOrNothing && counts.rejected > 0)) {
                int inserted = jdbc.sql("""
                        insert into department_record (batch_id, source_row, category, id_number, household_number,
                            village_code, person_id, household_id, region_code, record_date, amount, fields, row_hash)
                        select :batch, source_row, :category, id_number, household_number,
                            coalesce(registered_village, staged_village), person_id, household_id, match_region,
                            record_date, amount, fields, row_hash
                        from matched_record where match_problem is null order by source_row
                        on conflict (category, row_hash) do nothing
                        """).param("batch", batchId).param("category", schema.code()).update();
                int valid = jdbc.sql("select count(*) from matched_record where match_problem is null")
                        .query(Integer.class).single();
                counts.accepted = inserted;
                counts.repeated = valid - inserted;
            }
            jdbc.sql("drop table matched_record").update();
            jdbc.sql("drop table incoming_record").update();
            counts.storeNanos += System.nanoTime() - mark;
            log.info("batch {}: {} rows read and validated in {} ms, staged in {} ms, matched and stored in {} ms",
                    batchId, counts.total, counts.readNanos / 1_000_000, counts.stageNanos / 1_000_000,
                    counts.storeNanos / 1_000_000);
        } catch (SQLException e) {
            throw new IllegalStateException("storing batch " + batchId + " failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        return counts;
    }

    /** A valid row on its way to the staging table: its values, its cells as sent, its content hash. */
    private record StagedRow(ValidatedRow row, Map<String, String> raw, String hash) {
    }

    /** Copies a chunk of valid rows into the staging table; matching happens afterwards, in one statement. */
    private void copyChunk(CopyManager copy, CategorySchema schema, List<StagedRow> chunk)
            throws SQLException, IOException {
        if (chunk.isEmpty()) {
            return;
        }
        StringBuilder out = new StringBuilder(chunk.size() * 300);
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.POSTGRESQL_CSV);
        for (StagedRow staged : chunk) {
            ValidatedRow row = staged.row();
            Map<String, Object> values = row.values();
            Object amount = schema.amountField() == null ? null : values.get(schema.amountField());
            Object name = schema.nameField() == null ? null : values.get(schema.nameField());
            printer.printRecord(row.rowNumber(), values.get(ID_NUMBER),
                    values.get(HOUSEHOLD_NUMBER), values.get(VILLAGE_CODE), name,
                    values.get(schema.dateField()), amount, json.writeValueAsString(new TreeMap<>(values)),
                    staged.hash(), json.writeValueAsString(new LinkedHashMap<>(staged.raw())));
        }
        printer.flush();
        copy.copyIn("copy incoming_record (source_row, id_number, household_number, village_code, name, record_date, "
                + "amount, fields, row_hash, raw) from stdin with (format csv)", new StringReader(out.toString()));
        chunk.clear();
    }

    /**
     * Matches the staged rows to the registry with one join per key kind (by identity number, the name agreeing;
     * by household number; by village), decides each row's region, and rejects rows of registered households
     * outside the uploader's region: set-based, so a million rows cost a few joins, not a million lookups.
     */
    private void matchInSql(long batchId, CategorySchema schema, RegionScope scope, Counts counts) {
        // one pass: join each staged row to its person (or household), decide its problem and its region.
        // This reads the registry's tables directly: matching a million rows must be a join, not a million calls.
        jdbc.sql("""
                create temporary table matched_record on commit drop as
                select m.*, case
                    when m.person_id is not null and :checkName and m.name is not null and m.name <> m.registered_name
                        then 'name: ' || quote_literal(m.name) || ' does not match the registered name for this identity number'
                    when m.household_id is not null and m.registered_village not like :scope
                        then case when m.id_number is not null
                                  then 'id_number: this person is registered outside your region'
                                  else 'household_number: this household is registered outside your region' end
                    when m.id_number is null and m.household_number is not null and m.household_id is null
                        then 'household_number: no registered household has number ' || m.household_number
                    when m.id_number is null and m.household_number is null and m.staged_village is not null
                         and m.staged_village not like :scope
                        then 'village_code: ' || m.staged_village || ' is outside your region'
                    when m.id_number is null and m.household_number is null and m.staged_village is null
                        then 'the row names no key'
                    end as match_problem,
                    coalesce(m.registered_village, m.staged_village, substr(m.id_number, 1, 6) || '000000') as match_region
                from (
                    select i.source_row, i.id_number, i.household_number, i.village_code as staged_village, i.name,
                           i.record_date, i.amount, i.fields, i.row_hash, i.raw,
                           p.id as person_id, coalesce(p.household_id, hh.id) as household_id,
                           p.name as registered_name, coalesce(h.village_code, hh.village_code) as registered_village
                    from incoming_record i
                    left join person p on i.id_number is not null and p.id_number = i.id_number
                    left join household h on h.id = p.household_id
                    left join household hh on i.id_number is null and i.household_number is not null
                                          and hh.household_number = i.household_number
                ) m
                """).param("checkName", schema.nameField() != null).param("scope", scope.likePattern()).update();
        counts.rejected += jdbc.sql("""
                insert into exchange_rejected_row (batch_id, row_number, reasons, raw)
                select :batch, source_row, match_problem, raw from matched_record where match_problem is not null
                """).param("batch", batchId).update();
        counts.unmatched = jdbc.sql("select count(*) from matched_record where match_problem is null "
                + "and household_id is null").query(Integer.class).single();
    }

    private void reject(long batchId, RowSource.Row row, String reasons) {
        jdbc.sql("insert into exchange_rejected_row (batch_id, row_number, reasons, raw) values (:b, :r, :why, cast(:raw as jsonb))")
                .param("b", batchId).param("r", (int) row.number()).param("why", reasons)
                .param("raw", json.writeValueAsString(new LinkedHashMap<>(row.cells()))).update();
    }

    private static Map<String, String> byField(Map<String, String> cells, Map<String, String> headerToField) {
        Map<String, String> byField = new HashMap<>();
        cells.forEach((header, value) -> {
            String field = headerToField.get(header);
            if (field != null) {
                byField.put(field, value);
            }
        });
        return byField;
    }

    /** Identifies a record by its content, so the same record sent twice (in any format) is stored once. */
    private String rowHash(CategorySchema schema, Map<String, Object> values) {
        MessageDigest digest = sha256Digest();
        digest.update(schema.code().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        new TreeMap<>(values).forEach((k, v) -> {
            digest.update((byte) 0);
            digest.update(k.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update((byte) '=');
            String text = v instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(v);
            digest.update(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    private long insertBatch(ImportRequest request, CategorySchema schema, BulwarkUser user, String sha256, long bytes) {
        return jdbc.sql("""
                insert into exchange_batch (category, department, file_name, file_format, file_sha256, file_bytes,
                    uploaded_by, region_code, status)
                values (:c, :d, :n, :f, :h, :b, :u, :r, 'REJECTED') returning id
                """).param("c", schema.code()).param("d", schema.department()).param("n", request.fileName())
                .param("f", request.format().name()).param("h", sha256).param("b", bytes)
                .param("u", user.getUsername()).param("r", user.regionCode()).query(Long.class).single();
    }

    private Batch finish(long batchId, BatchStatus status, String reason, Counts counts, long started,
                         CategorySchema schema, BulwarkUser user) {
        int ms = (int) ((System.nanoTime() - started) / 1_000_000);
        jdbc.sql("""
                update exchange_batch set status = :s, status_reason = :why, rows_total = :t, rows_accepted = :a,
                    rows_rejected = :rj, rows_repeated = :rp, rows_unmatched = :um, duration_ms = :ms where id = :id
                """).param("s", status.name()).param("why", reason).param("t", counts.total)
                .param("a", counts.accepted).param("rj", counts.rejected).param("rp", counts.repeated)
                .param("um", counts.unmatched).param("ms", ms).param("id", batchId).update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("category", schema.code());
        after.put("status", status);
        after.put("rows", counts.total);
        after.put("accepted", counts.accepted);
        after.put("rejected", counts.rejected);
        after.put("repeated", counts.repeated);
        after.put("notRegistered", counts.unmatched);
        audit.record(new AuditRecord(AuditAction.IMPORT, "batch", String.valueOf(batchId), user.regionCode(),
                schema.code() + (reason == null ? "" : ": " + reason), null, after));
        return jdbc.sql("select * from exchange_batch where id = :id").param("id", batchId).query(Batches.BATCH).single();
    }

    private static String describe(List<RowProblem> problems) {
        StringBuilder text = new StringBuilder();
        for (RowProblem p : problems) {
            if (text.length() > 0) {
                text.append("; ");
            }
            text.append(p.field() == null ? "" : p.field() + ": ").append(p.message());
        }
        return text.toString();
    }

    private static String sha256(ImportRequest request) {
        MessageDigest digest = sha256Digest();
        try (InputStream in = Files.newInputStream(request.file())) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static long size(ImportRequest request) {
        try {
            return Files.size(request.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
