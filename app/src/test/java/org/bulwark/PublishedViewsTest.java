package org.bulwark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The views a module publishes for others' SQL (V36) stay simple views of one of its tables — no join, aggregate or
 * DISTINCT — which PostgreSQL folds into the statement reading them and plans exactly as the table, with its
 * indexes: reading through them costs nothing. PostgreSQL calls exactly those views updatable.
 */
@DatabaseTest
class PublishedViewsTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyPublishedViewIsASimpleViewOfOneTable() {
        List<String> published = TableOwnershipTest.PUBLISHED.values().stream()
                .flatMap(List::stream)
                .toList();
        List<String> simple = jdbc.sql("""
                select table_name from information_schema.views
                where table_schema = current_schema() and is_updatable = 'YES'
                """).query(String.class).list();
        assertThat(simple).containsAll(published);
    }
}
