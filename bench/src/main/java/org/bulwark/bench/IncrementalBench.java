package org.bulwark.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.bulwark.exchange.Batch;
import org.bulwark.exchange.BatchStored;
import org.bulwark.exchange.DepartmentDataImport;
import org.bulwark.exchange.FileFormat;
import org.bulwark.exchange.ImportRequest;
import org.bulwark.platform.DurableEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Imports batches of 1,000 medical settlements of registered persons through the exchange, as an officer would, and
 * reports the incremental re-screening that follows each (the run the batch triggers, from its screening_run row)
 * and the import with it.
 */
@Component
class IncrementalBench {

    static final int BATCH = 1_000;

    private final DepartmentDataImport imports;
    private final JdbcClient jdbc;
    private final RegistryChurn churn;
    private final DurableEvents events;

    IncrementalBench(DepartmentDataImport imports, JdbcClient jdbc, RegistryChurn churn, DurableEvents events) {
        this.imports = imports;
        this.events = events;
        this.jdbc = jdbc;
        this.churn = churn;
    }

    /**
     * Imports {@code count} pairs of batches; before each batch, {@code editsPerBatch} households of the region are
     * edited (none: the registry stays as it is).
     */
    void run(String region, LocalDate asOf, int count, int editsPerBatch, PrintStream out) {
        long[] range = jdbc.sql("select min(p.id), max(p.id) from person p")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        long[] households = jdbc.sql("select min(id), max(id) from household where village_code like :r")
                .param("r", region + "%")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        SplittableRandom random = new SplittableRandom(System.nanoTime());
        long[] cold = new long[count];
        long[] warm = new long[count];
        for (int i = 0; i < count; i++) {
            List<String[]> people = jdbc.sql("""
                    select p.id_number, p.name, p.household_id from person p join household h on h.id = p.household_id
                    where p.id in (select unnest(cast(:ids as bigint[]))) and h.village_code like :r limit :n
                    """)
                    .param(
                            "ids",
                            random.longs(BATCH * 2L, range[0], range[1] + 1)
                                    .boxed()
                                    .toArray(Long[]::new))
                    .param("r", region + "%")
                    .param("n", BATCH)
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                    .list();
            List<Long> touched = people.stream()
                    .map(person -> Long.parseLong(person[2]))
                    .distinct()
                    .toList();
            // households drawn at random from the whole province: their pages are rarely in memory yet
            edit(editsPerBatch, households, touched, asOf, random, out);
            cold[i] = batch("batch " + (i + 1) + ", random households", people, asOf, random, out);
            // the same households again right after: what a second batch about them costs with their pages cached
            edit(editsPerBatch, households, touched, asOf, random, out);
            warm[i] = batch("batch " + (i + 1) + ", the same households again", people, asOf, random, out);
        }
        Arrays.sort(cold);
        Arrays.sort(warm);
        out.printf(
                "incremental re-screening after a %,d-record batch: random households min %d ms, median %d ms; "
                        + "the same households again min %d ms, median %d ms%n",
                BATCH, cold[0], cold[count / 2], warm[0], warm[count / 2]);
    }

    private void edit(
            int count,
            long[] households,
            List<Long> batchHouseholds,
            LocalDate asOf,
            SplittableRandom random,
            PrintStream out) {
        if (count > 0) {
            long started = System.nanoTime();
            int rows = churn.edit(count, households, batchHouseholds, asOf, random);
            out.printf(
                    "registry edited: %,d households, %,d rows changed, in %.2f s (not timed)%n",
                    count, rows, (System.nanoTime() - started) / 1e9);
        }
    }

    /** Imports one batch for these people; returns the re-screening's milliseconds. */
    private long batch(String label, List<String[]> people, LocalDate asOf, SplittableRandom random, PrintStream out) {
        Path file = settlements(people, asOf, random);
        long started = System.nanoTime();
        Batch batch = imports.run(
                new ImportRequest("medical_settlement", file, file.getFileName().toString(), FileFormat.CSV, false));
        // the re-screening follows the commit on another thread: wait for it, as the registry records it
        if (!events.awaitCompletion(
                BatchStored.class, stored -> stored.batchId() == batch.id(), Duration.ofMinutes(10))) {
            throw new IllegalStateException("batch " + batch.id() + " was not re-screened");
        }
        double importSeconds = (System.nanoTime() - started) / 1e9;
        delete(file);
        long[] run = jdbc.sql("""
                select load_ms, screen_ms, store_ms, households, hits from screening_run
                where mode = 'INCREMENTAL' and started_by = :u order by id desc limit 1
                """)
                .param("u", ScreeningBench.BENCH_USER)
                .query((rs, n) ->
                        new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)})
                .optional()
                .orElse(new long[5]);
        String source = jdbc.sql("""
                select counts->>'source' from screening_run
                where mode = 'INCREMENTAL' and started_by = :u order by id desc limit 1
                """)
                .param("u", ScreeningBench.BENCH_USER)
                .query(String.class)
                .optional()
                .orElse("?");
        long rescreen = run[0] + run[1] + run[2];
        // what follows the import's commit: finding the touched households, re-screening, appending to the store
        double afterCommit = importSeconds - (batch.durationMs() == null ? 0 : batch.durationMs()) / 1e3;
        out.printf(
                "%s: %,d records stored; incremental re-screening of %,d households (inputs from: %s) %d ms "
                        + "(load %d, screen %d, store %d; %,d hits); import %.2f s, then %.2f s after its commit "
                        + "(the store's append, finding the touched households, re-screening)%n",
                label,
                batch.rowsAccepted(),
                run[3],
                source,
                rescreen,
                run[0],
                run[1],
                run[2],
                run[4],
                importSeconds - afterCommit,
                afterCommit);
        return rescreen;
    }

    private static Path settlements(List<String[]> people, LocalDate asOf, SplittableRandom random) {
        StringBuilder csv = new StringBuilder(
                "id_number,name,settle_date,kind,total_cost,fund_paid,out_of_pocket," + "in_scope_out_of_pocket\n");
        for (String[] person : people) {
            long total = 20_000 + random.nextLong(2_000_000);
            long outOfPocket = total * (10 + random.nextInt(40)) / 100;
            long inScope = outOfPocket * (30 + random.nextInt(60)) / 100;
            csv.append(person[0])
                    .append(',')
                    .append(person[1])
                    .append(',')
                    .append(asOf)
                    .append(",inpatient,")
                    .append(cents(total))
                    .append(',')
                    .append(cents(total - outOfPocket))
                    .append(',')
                    .append(cents(outOfPocket))
                    .append(',')
                    .append(cents(inScope))
                    .append('\n');
        }
        try {
            Path file = Files.createTempFile("bench-settlements-", ".csv");
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cents(long cents) {
        return cents / 100 + "." + String.format("%02d", cents % 100);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
