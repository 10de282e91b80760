package org.bulwark.core.employment;

import static org.assertj.core.api.Assertions.assertThat;

import org.bulwark.core.region.RegionCode;
import org.junit.jupiter.api.Test;

class ReachTest {

    private static final RegionCode HOME = RegionCode.parse("522326104201");

    @Test
    void theSmallestRegionHoldingBothPlacesIsTheReach() {
        assertThat(Reach.between(HOME, HOME)).isEqualTo(Reach.VILLAGE);
        assertThat(Reach.between(HOME, RegionCode.parse("522326104202"))).isEqualTo(Reach.TOWNSHIP);
        assertThat(Reach.between(HOME, RegionCode.parse("522326100000"))).isEqualTo(Reach.COUNTY);
        assertThat(Reach.between(HOME, RegionCode.parse("522301001001"))).isEqualTo(Reach.PREFECTURE);
        assertThat(Reach.between(HOME, RegionCode.parse("520102001001"))).isEqualTo(Reach.PROVINCE);
        assertThat(Reach.between(HOME, RegionCode.parse("440305001001"))).isEqualTo(Reach.ANYWHERE);
    }

    @Test
    void aWishAdmitsEveryReachUpToItsLimit() {
        assertThat(Reach.TOWNSHIP.within(Reach.COUNTY)).isTrue();
        assertThat(Reach.COUNTY.within(Reach.COUNTY)).isTrue();
        assertThat(Reach.PROVINCE.within(Reach.COUNTY)).isFalse();
    }
}
