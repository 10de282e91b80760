package org.bulwark.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.bulwark.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The tests run where they say they run: on the server named by BULWARK_DATABASE_URL, else embedded. */
@DatabaseTest
class DatabaseChoiceTest {

    @Autowired
    DatabaseServer server;

    @Autowired
    JdbcClient jdbc;

    @Test
    void usesTheServerWhenOneIsNamedAndTheEmbeddedDatabaseOtherwise() {
        String configured = System.getenv("BULWARK_DATABASE_URL");
        assertThat(server.isEmbedded()).isEqualTo(configured == null || configured.isBlank());
        if (!server.isEmbedded()) {
            assertThat(server.url()).isEqualTo(configured);
        }
        String version = jdbc.sql("show server_version").query(String.class).single();
        System.out.println("database tests run on PostgreSQL " + version
                + (server.isEmbedded() ? " (embedded)" : " at " + server.url()));
        assertThat(version).matches("1[4-9].*");
    }
}
