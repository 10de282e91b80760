package org.bulwark.statistics;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Providers' figures, kept until data they count changes. The key carries a counter of the committed transactions
 * that changed any table but those of signing in, auditing and event bookkeeping (V87, afterMigrate.sql): a registry
 * edit, an import, a screening run, a casework step moves it, a sign-in does not, so a figure is never older than
 * the last change that could alter it, while a dashboard opened again and again — also the first one after a
 * sign-in — is computed once. Reading the counter costs one row.
 *
 * <p>Where the counter cannot be read (a database not migrated by this version), nothing is kept.
 */
@Component
class FigureCache {

    private record Key(String stamp, String name, Object query) {}

    private final Cache<Key, Object> cache = Caffeine.newBuilder()
            .maximumSize(2_000)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();
    private final JdbcClient jdbc;

    FigureCache(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The count of changes to counted data now, or null when it cannot be told. */
    String stamp() {
        try {
            return jdbc.sql("select changes::text from figure_data_version")
                    .query(String.class)
                    .single();
        } catch (DataAccessException e) {
            return null;
        }
    }

    /**
     * What {@code compute} gives for the name ({@code registry.byRegion}) and query (a value with equals), as of the
     * stamp. The result must not be changed by whoever receives it.
     */
    @SuppressWarnings("unchecked")
    <T> T get(String stamp, String name, Object query, Supplier<T> compute) {
        if (stamp == null) {
            return compute.get();
        }
        return (T) cache.get(new Key(stamp, name, query), k -> compute.get());
    }
}
