package org.bulwark.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Chooses the database: the PostgreSQL server named by {@code bulwark.database.url} (env {@code BULWARK_DATABASE_URL})
 * when set, otherwise an embedded PostgreSQL whose data lives in {@code bulwark.database.embedded.data-dir}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(
            @Value("${bulwark.database.url:}") String url,
            @Value("${bulwark.database.username:}") String username,
            @Value("${bulwark.database.password:}") String password,
            @Value("${bulwark.database.embedded.data-dir:./data/pg}") String dataDir,
            @Value("${bulwark.database.embedded.clean:false}") boolean clean,
            @Value("${bulwark.database.embedded.fsync:true}") boolean fsync) {
        if (StringUtils.hasText(url)) {
            return new DatabaseServer(url, username, password, null);
        }
        EmbeddedPostgresServer embedded =
                EmbeddedPostgresServer.start(Path.of(dataDir).toAbsolutePath(), clean, fsync);
        return new DatabaseServer(embedded.jdbcUrl(), "postgres", embedded.password(), embedded);
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(
            DatabaseServer server,
            @Value("${bulwark.database.pool-size:10}") int poolSize,
            @Value("${bulwark.database.connection-timeout:PT3S}") Duration connectionTimeout) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.url());
        if (StringUtils.hasText(server.username())) {
            config.setUsername(server.username());
        }
        if (StringUtils.hasText(server.password())) {
            config.setPassword(server.password());
        }
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("bulwark");
        // with the database down, a request waits this long for a connection and then answers 503 (Hikari's default,
        // 30 s, held people and API clients for half a minute); the driver gives up connecting as soon
        poolTimeouts(config, connectionTimeout);
        return new HikariDataSource(config);
    }

    /**
     * The pool's and the driver's time-outs for reaching the database. Validating a pooled connection must be
     * quicker than waiting for one; the driver's connect time-out is in whole seconds.
     */
    static void poolTimeouts(HikariConfig config, Duration connectionTimeout) {
        long millis = Math.max(250, connectionTimeout.toMillis());
        config.setConnectionTimeout(millis);
        config.setValidationTimeout(Math.max(250, Math.min(millis - 50, 2_000)));
        config.addDataSourceProperty("connectTimeout", String.valueOf(Math.max(1, (millis + 999) / 1000)));
    }
}
