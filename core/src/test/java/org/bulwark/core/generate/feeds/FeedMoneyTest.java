package org.bulwark.core.generate.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FeedMoneyTest {

    @Test
    void writesCentsAsPlainDecimalsWithTwoPlaces() {
        assertThat(Money.format(0)).isEqualTo("0.00");
        assertThat(Money.format(5)).isEqualTo("0.05");
        assertThat(Money.format(123_450)).isEqualTo("1234.50");
        assertThat(Money.format(Money.ofYuan(20_000))).isEqualTo("20000.00");
    }

    @Test
    void roundsYuanToTheNearestCentAndNeverBelowZero() {
        assertThat(Money.cents(12.345)).isEqualTo(1_235);
        assertThat(Money.cents(-3)).isZero();
        assertThatThrownBy(() -> Money.format(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
