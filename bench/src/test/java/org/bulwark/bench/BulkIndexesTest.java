package org.bulwark.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bulwark.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/** Indexes suspended for a bulk load come back valid, on every partition of a partitioned table too. */
@DatabaseTest
class BulkIndexesTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    @Transactional
    void theIndexesOfAPartitionedTableAreBuiltOnItsPartitionsAndValid() {
        jdbc.sql("create table bulk_parted (id bigint, part int, code text) partition by list (part)")
                .update();
        jdbc.sql("create table bulk_parted_0 partition of bulk_parted for values in (0)")
                .update();
        jdbc.sql("create index bulk_parted_code on bulk_parted (code)").update();
        BulkIndexes indexes = new BulkIndexes(jdbc);

        assertThat(indexes.suspendIfEmpty("bulk_parted")).isTrue();
        assertThat(partitionIndexes()).isEmpty();
        jdbc.sql("insert into bulk_parted select g, 0, 'c' || g from generate_series(1, 1000) g")
                .update();
        indexes.restore();

        assertThat(jdbc.sql("select bool_and(indisvalid) from pg_index "
                                + "where indrelid = cast('bulk_parted' as regclass)")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(partitionIndexes()).containsExactly("bulk_parted_0_code_idx");
    }

    private List<String> partitionIndexes() {
        return jdbc.sql("select indexname from pg_indexes where tablename = 'bulk_parted_0' order by 1")
                .query(String.class)
                .list();
    }
}
