package org.bulwark.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Pages name regions through one cached lookup (issue 14 item 6): a village with its township, never a bare code. */
@DatabaseTest
class RegionNamesTest {

    @Autowired
    Regions regions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aVillageIsNamedWithItsTownship() {
        assertThat(regions.placeOf(TestFixtures.VILLAGE_A)).isEqualTo("沙子镇 保家村");
        assertThat(regions.placeOf(TestFixtures.TOWNSHIP)).isEqualTo("沙子镇");
        assertThat(regions.nameOf(TestFixtures.VILLAGE_A)).isEqualTo("保家村村民委员会");
        // an unknown code stays what it is rather than vanishing
        assertThat(regions.placeOf("522324999999")).isEqualTo("522324999999");
        assertThat(regions.nameOf(null)).isNull();
    }

    @Test
    void villagesAreNamedWithoutTheCommitteesTitle() {
        assertThat(Regions.shortVillageName("保家村村民委员会")).isEqualTo("保家村");
        assertThat(Regions.shortVillageName("沙子社区居民委员会")).isEqualTo("沙子社区");
        assertThat(Regions.shortVillageName("新华村民委员会")).isEqualTo("新华村");
        assertThat(Regions.shortVillageName("城关居民委员会")).isEqualTo("城关居委会");
        assertThat(Regions.shortVillageName("村民委员会")).isEqualTo("村民委员会");
    }

    @Test
    void namesAreReadOnceAndThenServedFromTheCache() {
        String code = "522324101210";
        String first = regions.nameOf(code);
        try {
            jdbc.sql("update region set name = '改名村' where code = :c")
                    .param("c", code)
                    .update();
            assertThat(regions.nameOf(code))
                    .as("served from the cache, not read again")
                    .isEqualTo(first);
        } finally {
            jdbc.sql("update region set name = :n where code = :c")
                    .param("n", first)
                    .param("c", code)
                    .update();
        }
    }
}
