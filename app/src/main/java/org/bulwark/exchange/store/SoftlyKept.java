package org.bulwark.exchange.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Supplier;

/**
 * One value kept softly: a Caffeine cache of a single entry with {@code softValues()}, so the collector may take the
 * value back when memory runs short (as a {@link java.lang.ref.SoftReference} would) and the next use makes it anew.
 * Not {@code maximumSize(1)}: that holds its entry strongly, and a whole registry read for a large batch (hundreds of
 * megabytes for millions of persons) would then stay in memory however short it ran.
 */
final class SoftlyKept<T> {

    private static final Boolean ONLY = Boolean.TRUE;

    private final Cache<Boolean, T> cache = Caffeine.newBuilder().softValues().build();

    /** The value kept, or null when none was kept or the collector took it. */
    T get() {
        return cache.getIfPresent(ONLY);
    }

    /** The value kept, made by {@code make} (once, even when asked for from several threads) when there is none. */
    T get(Supplier<T> make) {
        return cache.get(ONLY, key -> make.get());
    }

    void put(T value) {
        cache.put(ONLY, value);
    }

    void forget() {
        cache.invalidateAll();
    }
}
