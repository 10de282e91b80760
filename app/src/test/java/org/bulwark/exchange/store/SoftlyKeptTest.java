package org.bulwark.exchange.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SoftlyKeptTest {

    @Test
    void keepsWhatWasPutUntilForgotten() {
        SoftlyKept<String> kept = new SoftlyKept<>();
        assertThat(kept.get()).isNull();
        kept.put("registry of change 7");
        assertThat(kept.get()).isEqualTo("registry of change 7");
        kept.put("registry of change 8");
        assertThat(kept.get()).isEqualTo("registry of change 8");
        kept.forget();
        assertThat(kept.get()).isNull();
    }

    @Test
    void makesTheValueOnceAndThenHandsOutTheSameOne() {
        SoftlyKept<StringBuilder> kept = new SoftlyKept<>();
        AtomicInteger made = new AtomicInteger();
        StringBuilder first = kept.get(() -> {
            made.incrementAndGet();
            return new StringBuilder("hashes");
        });
        StringBuilder second = kept.get(() -> {
            made.incrementAndGet();
            return new StringBuilder("other");
        });
        assertThat(second).isSameAs(first);
        assertThat(made).hasValue(1);
        kept.forget();
        assertThat(kept.get(() -> new StringBuilder("anew"))).isNotSameAs(first).hasToString("anew");
    }
}
