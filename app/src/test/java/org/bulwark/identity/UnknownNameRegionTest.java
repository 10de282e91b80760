package org.bulwark.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where refused sign-ins under names without an account are audited: the lowest region holding every account. */
class UnknownNameRegionTest {

    @Test
    void theRegionForUnknownNamesIsTheLowestHoldingEveryAccount() {
        assertThat(UserAccounts.commonRegion("522324101209", "522324101210")).isEqualTo("522324101000");
        assertThat(UserAccounts.commonRegion("520000000000", "522324101209")).isEqualTo("520000000000");
        assertThat(UserAccounts.commonRegion("522300000000", "522324101209")).isEqualTo("522300000000");
        assertThat(UserAccounts.commonRegion("522324101209", "522324101209")).isEqualTo("522324101209");
        assertThat(UserAccounts.commonRegion("110101000000", "522324101209")).isNull();
    }
}
