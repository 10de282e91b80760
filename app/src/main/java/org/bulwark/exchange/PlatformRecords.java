package org.bulwark.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.bulwark.core.exchange.CategorySchema;
import org.bulwark.core.exchange.DataCatalogue;
import org.bulwark.core.exchange.RowValidator;
import org.bulwark.exchange.store.RecordStore;
import org.bulwark.identity.RegionScope;
import org.bulwark.platform.read.RowSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Records the platform produces from what another module keeps (the industry module's benefit links: docs/industry.md),
 * stored as a batch like a department's file, so that screening reads them as ordinary department data and re-screens
 * their households once the batch is stored. The rows are checked against the catalogue like an upload's, matched to
 * the registry within the region they are sent for, and the batch is audited under the module's name.
 */
@Service
public class PlatformRecords {

    /** The rows of a batch, each as the category's field codes to cell text, sent for a region by a named source. */
    public record Submission(
            String category, String regionCode, String source, String by, List<Map<String, String>> rows) {

        public Submission {
            rows = List.copyOf(rows);
        }
    }

    private final DataCatalogue catalogue;
    private final DepartmentDataImport imports;
    private final RecordStore store;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    PlatformRecords(
            DataCatalogue catalogue,
            DepartmentDataImport imports,
            RecordStore store,
            JdbcClient jdbc,
            ObjectMapper json,
            Clock clock,
            ApplicationEventPublisher events) {
        this.catalogue = catalogue;
        this.imports = imports;
        this.store = store;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.events = events;
    }

    /** Stores the rows as one batch; a batch that stored records is announced ({@link BatchStored}). */
    @Transactional
    public Batch store(Submission submission) {
        CategorySchema schema = catalogue
                .category(submission.category())
                .orElseThrow(() -> new IllegalArgumentException("no data category " + submission.category()));
        long started = System.nanoTime();
        String text = json.writeValueAsString(submission.rows());
        long batchId = insertBatch(submission, schema, text);
        List<String> header = new ArrayList<>();
        schema.fields().forEach(f -> header.add(f.name()));
        RecordStore.Outcome outcome;
        try (RowSource rows = new Rows(header, submission.rows())) {
            outcome = store.store(
                    new RecordStore.Job(
                            batchId,
                            schema,
                            new RowValidator(schema, LocalDate.now(clock)),
                            header,
                            RegionScope.of(submission.regionCode()),
                            false),
                    rows,
                    new ImportPhases());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DepartmentDataImport.Counts counts = DepartmentDataImport.Counts.of(outcome);
        boolean any = counts.total() > 0;
        Batch batch = imports.finish(
                batchId,
                any ? BatchStatus.ACCEPTED : BatchStatus.REJECTED,
                any ? null : "没有数据行",
                counts,
                started,
                schema,
                submission.regionCode());
        if (counts.accepted() > 0) {
            events.publishEvent(new BatchStored(
                    batchId, schema.code(), submission.regionCode(), submission.by(), counts.accepted()));
        }
        return batch;
    }

    private long insertBatch(Submission submission, CategorySchema schema, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return jdbc.sql("""
                insert into exchange_batch (category, department, file_name, file_format, file_sha256, file_bytes,
                    uploaded_by, region_code, status)
                values (:c, :d, :n, 'JSON', :h, :b, :u, :r, 'REJECTED') returning id
                """)
                .param("c", schema.code())
                .param("d", schema.department())
                // the "file" is what the platform produced: its name says so and from where
                .param("n", "平台生成：" + submission.source())
                .param("h", sha256(bytes))
                .param("b", bytes.length)
                .param("u", submission.by())
                .param("r", submission.regionCode())
                .query(Long.class)
                .single();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The submission's rows as a file's, numbered from 1. */
    private static final class Rows implements RowSource {

        private final List<String> header;
        private final Iterator<Row> rows;

        Rows(List<String> header, List<Map<String, String>> cells) {
            this.header = List.copyOf(header);
            List<Row> numbered = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                numbered.add(new Row(i + 1, cells.get(i)));
            }
            this.rows = numbered.iterator();
        }

        @Override
        public List<String> header() {
            return header;
        }

        @Override
        public Iterator<Row> rows() {
            return rows;
        }

        @Override
        public void close() {}
    }
}
