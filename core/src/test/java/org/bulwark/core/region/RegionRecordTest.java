package org.bulwark.core.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegionRecordTest {

    @Test
    void acceptsConsistentRecords() {
        assertThat(new RegionRecord("520000000000", "贵州省", RegionLevel.PROVINCE, null).regionCode())
                .isEqualTo(RegionCode.parse("52"));
        new RegionRecord("522324000000", "晴隆县", RegionLevel.COUNTY, "522300000000");
        // Dongguan township directly under the prefecture
        new RegionRecord("441900003000", "东城街道", RegionLevel.TOWNSHIP, "441900000000");
    }

    @Test
    void rejectsInconsistentRecords() {
        assertThatThrownBy(() -> new RegionRecord("522324", "晴隆县", RegionLevel.COUNTY, "522300000000"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RegionRecord("522324000000", "晴隆县", RegionLevel.TOWNSHIP, "522300000000"))
                .hasMessageContaining("recorded as TOWNSHIP");
        assertThatThrownBy(() -> new RegionRecord("522324000000", " ", RegionLevel.COUNTY, "522300000000"))
                .hasMessageContaining("no name");
        assertThatThrownBy(() -> new RegionRecord("522324000000", "晴隆县", RegionLevel.COUNTY, null))
                .hasMessageContaining("no parent");
        assertThatThrownBy(() -> new RegionRecord("520000000000", "贵州省", RegionLevel.PROVINCE, "520000000000"))
                .hasMessageContaining("must not have a parent");
        assertThatThrownBy(() -> new RegionRecord("522324000000", "晴隆县", RegionLevel.COUNTY, "522600000000"))
                .hasMessageContaining("cannot lie in");
        assertThatThrownBy(() -> new RegionRecord("522324000000", "晴隆县", RegionLevel.COUNTY, "522324000000"))
                .hasMessageContaining("cannot lie in");
    }
}
