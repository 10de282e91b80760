package org.bulwark.exchange.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.exchange.Batch;
import org.bulwark.exchange.DepartmentDataImport;
import org.bulwark.exchange.FileFormat;
import org.bulwark.exchange.ImportRequest;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.registry.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two batches of one category sent at the same time, sharing records: imports of a category take turns, so the
 * second sees what the first stored and no record is stored twice, whichever way the batches are stored.
 */
@DatabaseTest
class ConcurrentImportTest {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RecordStore store;

    @Autowired
    DepartmentDataImport importer;

    @AfterEach
    void resetKnobs() {
        store.ownPartFrom(100_000);
        store.readAllFrom(0);
    }

    @Test
    void batchesSentTogetherStoreTheirSharedRecordsOnce() throws Exception {
        for (int[] knobs : new int[][] {{100_000, 0}, {2, 1}}) {
            store.ownPartFrom(knobs[0]);
            store.readAllFrom(knobs[1]);
            BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
            Person person =
                    fixtures.household(cadre, TestFixtures.VILLAGE_A).head().orElseThrow();
            BulwarkUser county = fixtures.user(Role.PREFECTURE_ADMIN, TestFixtures.COUNTY);
            // days 1-40 and 21-60: twenty records in both
            String first = settlements(person, 1, 40);
            String second = settlements(person, 21, 60);

            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch ready = new CountDownLatch(2);
            try {
                List<Future<Batch>> sent = new ArrayList<>();
                for (String csv : List.of(first, second)) {
                    sent.add(pool.submit(() -> {
                        ready.countDown();
                        ready.await();
                        return upload(county, "medical_settlement", csv);
                    }));
                }
                Batch one = sent.get(0).get(60, TimeUnit.SECONDS);
                Batch two = sent.get(1).get(60, TimeUnit.SECONDS);

                long stored = jdbc.sql("select count(*) from department_record where id_number = :id")
                        .param("id", person.idNumber())
                        .query(Long.class)
                        .single();
                long distinct = jdbc.sql("select count(distinct row_hash) from department_record where id_number = :id")
                        .param("id", person.idNumber())
                        .query(Long.class)
                        .single();
                assertThat(stored)
                        .as("each record once (knobs %s)", Arrays.toString(knobs))
                        .isEqualTo(60)
                        .isEqualTo(distinct);
                assertThat(one.rowsAccepted() + two.rowsAccepted()).isEqualTo(60);
                assertThat(one.rowsRepeated() + two.rowsRepeated()).isEqualTo(20);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void largeBatchesOfTwoCategoriesAtTheSameTimeAreBothStored() throws Exception {
        // each gets a part of its own; attaching one must not wait for the other's batch to commit (it did, through
        // the foreign key to exchange_batch, and the two deadlocked)
        store.ownPartFrom(2);
        store.readAllFrom(1);
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        Person person = fixtures.household(cadre, TestFixtures.VILLAGE_A).head().orElseThrow();
        BulwarkUser county = fixtures.user(Role.PREFECTURE_ADMIN, TestFixtures.COUNTY);
        String deaths = "身份证号,姓名,死亡日期\n" + person.idNumber() + "," + person.name() + ",2025-08-03\n"
                + person.idNumber() + "," + person.name() + ",2025-08-04\n"
                + person.idNumber() + "," + person.name() + ",2025-08-05\n";
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch ready = new CountDownLatch(2);
        try {
            Future<Batch> settled = pool.submit(() -> {
                ready.countDown();
                ready.await();
                return upload(county, "medical_settlement", settlements(person, 1, 40));
            });
            Future<Batch> died = pool.submit(() -> {
                ready.countDown();
                ready.await();
                return upload(county, "death_record", deaths);
            });
            assertThat(settled.get(60, TimeUnit.SECONDS).rowsAccepted()).isEqualTo(40);
            assertThat(died.get(60, TimeUnit.SECONDS).rowsAccepted()).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from department_record where id_number = :id")
                        .param("id", person.idNumber())
                        .query(Long.class)
                        .single())
                .isEqualTo(43);
    }

    private static String settlements(Person person, int fromDay, int toDay) {
        StringBuilder csv = new StringBuilder(JavaMatchingTest.SETTLEMENTS);
        for (int day = fromDay; day <= toDay; day++) {
            LocalDate date = LocalDate.of(2025, 1, 1).plusDays(day);
            csv.append(person.idNumber())
                    .append(',')
                    .append(person.name())
                    .append(',')
                    .append(date)
                    .append(",outpatient,200,100,")
                    .append(day)
                    .append(",30\n");
        }
        return csv.toString();
    }

    private Batch upload(BulwarkUser user, String category, String csv) throws Exception {
        Path file = Files.createTempFile("concurrent-", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        try {
            return fixtures.as(
                    user, () -> importer.run(new ImportRequest(category, file, "c.csv", FileFormat.CSV, false)));
        } finally {
            Files.delete(file);
        }
    }
}
