package org.bulwark.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.audit.AuditAction;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.core.exchange.CategorySchema;
import org.bulwark.core.exchange.DataCatalogue;
import org.bulwark.core.exchange.RowProblem;
import org.bulwark.core.exchange.RowValidator;
import org.bulwark.exchange.store.RecordStore;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.read.FileRejectedException;
import org.bulwark.platform.read.RowSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private static final Logger log = LoggerFactory.getLogger(DepartmentDataImport.class);

    private final DataCatalogue catalogue;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final RecordStore store;
    private final ObjectMapper json;
    private final Clock clock;
    private final BatchSources sources;
    private final ApplicationEventPublisher events;

    DepartmentDataImport(
            DataCatalogue catalogue,
            CurrentUser currentUser,
            AuditLog audit,
            JdbcClient jdbc,
            RecordStore store,
            ObjectMapper json,
            Clock clock,
            BatchSources sources,
            ApplicationEventPublisher events) {
        this.events = events;
        this.catalogue = catalogue;
        this.currentUser = currentUser;
        this.audit = audit;
        this.jdbc = jdbc;
        this.store = store;
        this.json = json;
        this.clock = clock;
        this.sources = sources;
    }

    /** Imports the file; the report says what was stored and what was not, and why. */
    @Transactional
    public Batch run(ImportRequest request) {
        return run(request, new ImportPhases());
    }

    /** Imports the file, recording where the time went in {@code phases}. */
    @Transactional
    public Batch run(ImportRequest request, ImportPhases phases) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.IMPORT_DEPARTMENT_DATA);
        CategorySchema schema = category(request, user);
        long started = System.nanoTime();
        String sha256 = sha256(request);
        long bytes = size(request);
        long batchId = insertBatch(request, schema, user, sha256, bytes);
        if (!importingAlone(schema, sha256)) {
            return finish(
                    batchId, BatchStatus.DUPLICATE, "同一文件此刻正由另一次上传导入，本次没有新增任何数据", Counts.NONE, started, schema, user);
        }

        Optional<Long> earlier = acceptedBefore(schema, sha256, batchId);
        phases.lap("file hashed");
        if (earlier.isPresent()) {
            return finish(
                    batchId,
                    BatchStatus.DUPLICATE,
                    "同一文件已作为第 " + earlier.get() + " 批导入过，本次没有新增任何数据",
                    Counts.NONE,
                    started,
                    schema,
                    user);
        }
        try (RowSource source = sources.open(request)) {
            RowValidator validator = new RowValidator(schema, LocalDate.now(clock));
            // the columns a rejected-rows file adds (原行号, 错误原因) are not the department's data: a fixed file is
            // sent back as it is, and those columns are left out of the check and of the header kept
            List<String> dataColumns = ErrorFile.dataColumns(source.header());
            List<RowProblem> columnProblems = validator.checkColumns(dataColumns);
            jdbc.sql("update exchange_batch set header = cast(:h as jsonb) where id = :id")
                    .param("h", json.writeValueAsString(dataColumns))
                    .param("id", batchId)
                    .update();
            if (!columnProblems.isEmpty()) {
                return finish(
                        batchId,
                        BatchStatus.REJECTED,
                        "文件的列与“" + schema.label() + "”模板不符，整个文件未入库：" + RecordStore.describe(columnProblems),
                        Counts.NONE,
                        started,
                        schema,
                        user);
            }
            RecordStore.Outcome outcome = store.store(
                    new RecordStore.Job(
                            batchId, schema, validator, source.header(), user.scope(), request.allOrNothing()),
                    source,
                    phases);
            log.info(
                    "batch {}: {} rows in {} ms ({}{})",
                    batchId,
                    outcome.total(),
                    (System.nanoTime() - started) / 1_000_000,
                    phases,
                    outcome.ownPart() ? "; a part of its own" : "");
            return recordOutcome(batchId, request, Counts.of(outcome), started, schema, user, phases);
        } catch (FileRejectedException e) {
            // the file broke off part-way: nothing of it was kept (the part loaded so far was dropped, the rejected
            // rows
            // were not written yet)
            return finish(batchId, BatchStatus.REJECTED, e.getMessage(), Counts.NONE, started, schema, user);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The category the file is for, if the user may send it: a department officer only their own department's
     * categories. The file must be of a known format.
     */
    private CategorySchema category(ImportRequest request, BulwarkUser user) {
        CategorySchema schema = catalogue
                .category(request.category())
                .orElseThrow(() -> InvalidInputException.of(
                        "category",
                        "unknown_category",
                        "no data category '" + request.category() + "' in the catalogue"));
        // the codes below are what pages and the API translate (problem.unknown_category…); the English is the default
        if (schema.platformProduced()) {
            throw InvalidInputException.of(
                    "category",
                    "platform_produced",
                    "category " + schema.code() + " is written by the platform from its own records, not uploaded");
        }
        if (user.role() == Role.DEPARTMENT_OFFICER && !schema.department().equals(user.department())) {
            throw InvalidInputException.of(
                    "category",
                    "other_department",
                    "category " + schema.code() + " belongs to department " + schema.department() + ", not to yours");
        }
        if (request.format() == null) {
            throw InvalidInputException.of("file", "format", "send a .csv, .xlsx or .json file");
        }
        return schema;
    }

    /** The batch that stored the same file into the category before, if any. */
    private Optional<Long> acceptedBefore(CategorySchema schema, String sha256, long batchId) {
        return jdbc.sql("select id from exchange_batch where category = :c and file_sha256 = :h "
                        + "and status = 'ACCEPTED' and id <> :id")
                .param("c", schema.code())
                .param("h", sha256)
                .param("id", batchId)
                .query(Long.class)
                .optional();
    }

    /**
     * Records what became of the stored rows: under all-or-nothing a turned-down row rejects the batch, a file
     * without data rows is rejected, anything else accepted — and a batch that stored records is announced, so
     * that screening looks at its households.
     */
    private Batch recordOutcome(
            long batchId,
            ImportRequest request,
            Counts counts,
            long started,
            CategorySchema schema,
            BulwarkUser user,
            ImportPhases phases) {
        if (request.allOrNothing() && counts.rejected() > 0) {
            return finish(
                    batchId,
                    BatchStatus.REJECTED,
                    counts.rejected() + " 行有错误，且选择了“有错误行时整批不入库”，本批没有入库任何数据",
                    counts,
                    started,
                    schema,
                    user);
        }
        if (counts.total() == 0) {
            return finish(batchId, BatchStatus.REJECTED, "文件中没有数据行", counts, started, schema, user);
        }
        Batch batch = finish(batchId, BatchStatus.ACCEPTED, null, counts, started, schema, user);
        phases.lap("batch recorded");
        if (counts.accepted() > 0) {
            events.publishEvent(
                    new BatchStored(batchId, schema.code(), user.regionCode(), user.getUsername(), counts.accepted()));
        }
        return batch;
    }

    /**
     * Whether no other upload of the same file into the same category is under way; if none is, this one holds that
     * until its transaction ends. Without it, two identical uploads at once both passed the check for an earlier
     * batch and the second failed on the unique index at the end, answering a bare conflict instead of "duplicate".
     */
    private boolean importingAlone(CategorySchema schema, String sha256) {
        return jdbc.sql("select pg_try_advisory_xact_lock(hashtext(:c), hashtext(:h))")
                .param("c", "exchange:" + schema.code())
                .param("h", sha256)
                .query(Boolean.class)
                .single();
    }

    /** Counts of one import, as the batch records them. */
    record Counts(int total, int accepted, int rejected, int repeated, int unmatched) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0);

        static Counts of(RecordStore.Outcome outcome) {
            return new Counts(
                    outcome.total(), outcome.accepted(), outcome.rejected(), outcome.repeated(), outcome.unmatched());
        }
    }

    private long insertBatch(
            ImportRequest request, CategorySchema schema, BulwarkUser user, String sha256, long bytes) {
        return jdbc.sql("""
                insert into exchange_batch (category, department, file_name, file_format, file_sha256, file_bytes,
                    uploaded_by, region_code, status)
                values (:c, :d, :n, :f, :h, :b, :u, :r, 'REJECTED') returning id
                """)
                .param("c", schema.code())
                .param("d", schema.department())
                .param("n", request.fileName())
                .param("f", request.format().name())
                .param("h", sha256)
                .param("b", bytes)
                .param("u", user.getUsername())
                .param("r", user.regionCode())
                .query(Long.class)
                .single();
    }

    private Batch finish(
            long batchId,
            BatchStatus status,
            String reason,
            Counts counts,
            long started,
            CategorySchema schema,
            BulwarkUser user) {
        return finish(batchId, status, reason, counts, started, schema, user.regionCode());
    }

    /** Records the batch's outcome and audits it under the region it was sent for. */
    Batch finish(
            long batchId,
            BatchStatus status,
            String reason,
            Counts counts,
            long started,
            CategorySchema schema,
            String regionCode) {
        int ms = (int) ((System.nanoTime() - started) / 1_000_000);
        jdbc.sql("""
                update exchange_batch set status = :s, status_reason = :why, rows_total = :t, rows_accepted = :a,
                    rows_rejected = :rj, rows_repeated = :rp, rows_unmatched = :um, duration_ms = :ms where id = :id
                """)
                .param("s", status.name())
                .param("why", reason)
                .param("t", counts.total())
                .param("a", counts.accepted())
                .param("rj", counts.rejected())
                .param("rp", counts.repeated())
                .param("um", counts.unmatched())
                .param("ms", ms)
                .param("id", batchId)
                .update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("category", schema.code());
        after.put("status", status);
        after.put("rows", counts.total());
        after.put("accepted", counts.accepted());
        after.put("rejected", counts.rejected());
        after.put("repeated", counts.repeated());
        after.put("notRegistered", counts.unmatched());
        audit.record(new AuditRecord(
                AuditAction.IMPORT,
                "batch",
                String.valueOf(batchId),
                regionCode,
                schema.code() + (reason == null ? "" : ": " + reason),
                null,
                after));
        return jdbc.sql("select * from exchange_batch where id = :id")
                .param("id", batchId)
                .query(Batches.BATCH)
                .single();
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
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
