package org.bulwark.statistics;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Providers' figures, kept until anything in the database changes. The key carries PostgreSQL's write position
 * ({@code pg_current_wal_lsn()}): every committed change — a registry edit, an import, a screening run, a casework
 * step, a sign-in's audit entry — moves it, so a figure is never older than the last change, while a dashboard
 * opened again and again by a county's staff between changes is computed once. Reading the position costs one
 * function call; computing a county's figures costs tens of milliseconds.
 *
 * <p>Where the position cannot be read (a standby server), nothing is kept.
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

    /** The database's write position now, or null when it cannot be told. */
    String stamp() {
        try {
            return jdbc.sql("select pg_current_wal_lsn()::text")
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
