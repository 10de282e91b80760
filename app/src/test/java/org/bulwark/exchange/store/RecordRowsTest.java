package org.bulwark.exchange.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bulwark.core.exchange.CategorySchema;
import org.bulwark.core.exchange.FieldSpec;
import org.bulwark.core.exchange.FieldType;
import org.bulwark.core.exchange.KeyType;
import org.bulwark.core.exchange.Period;
import org.junit.jupiter.api.Test;

/**
 * The hash and the texts the import writes without building strings must be exactly those the strings gave: the
 * content hash is compared with records stored by earlier versions, and the values' JSON is what screening reads.
 */
class RecordRowsTest {

    static final CategorySchema SCHEMA = new CategorySchema(
            "medical_settlement",
            "medical_security",
            "医保",
            "结算",
            List.of(KeyType.PERSON),
            "name",
            "settle_date",
            "out_of_pocket",
            Period.EVENT,
            List.of(
                    new FieldSpec("id_number", "身份证号", FieldType.TEXT, true, null, null, null),
                    new FieldSpec("name", "姓名", FieldType.TEXT, true, null, null, null),
                    new FieldSpec("settle_date", "结算日期", FieldType.DATE, true, null, null, null),
                    new FieldSpec("visits", "次数", FieldType.INTEGER, false, null, null, null),
                    new FieldSpec("insured", "参保", FieldType.BOOLEAN, false, null, null, null),
                    new FieldSpec("out_of_pocket", "自付", FieldType.DECIMAL, true, null, null, null)));

    static final List<String> DECIMALS = List.of(
            "0",
            "0.00",
            "0.05",
            "700",
            "700.00",
            "700.50",
            "9500.50",
            "-5",
            "-0.05",
            "1.005",
            "12345678901234.56",
            "123456789012345678.9",
            "99999999999999999999.123",
            "1E+3",
            "0E-7",
            "100",
            "10000",
            "0.0001",
            "5.10");

    @Test
    void decimalsAreWrittenAsTheirPlainStringWithAndWithoutTrailingZeros() {
        for (String text : DECIMALS) {
            BigDecimal value = new BigDecimal(text);
            assertThat(written(value, false)).as(text).isEqualTo(value.toPlainString());
            assertThat(written(value, true))
                    .as(text + " stripped")
                    .isEqualTo(value.stripTrailingZeros().toPlainString());
        }
    }

    @Test
    void datesAreWrittenAsIsoText() {
        for (LocalDate date : List.of(
                LocalDate.of(2025, 3, 18),
                LocalDate.of(1900, 1, 1),
                LocalDate.of(999, 12, 31),
                LocalDate.of(12345, 6, 7))) {
            var out = new CopyText(16);
            out.isoDate(date);
            assertThat(out.toString()).isEqualTo(date.toString());
        }
    }

    private static String written(BigDecimal value, boolean strip) {
        var out = new CopyText(16);
        out.decimal(value, strip);
        return out.toString();
    }

    /**
     * The content hash as issue 3 defined it (and records stored since carry): the first 16 bytes of SHA-256 over
     * the category and, in field-name order, NUL, the name, '=' and the value's text (decimals without trailing zeros).
     */
    @Test
    void theContentHashIsTheOneStoredRecordsCarry() throws Exception {
        Object[] values = {
            "522324197804120319", "王建国", LocalDate.of(2025, 3, 18), 3L, Boolean.TRUE, new BigDecimal("9529.650")
        };
        Map<String, String> texts = new TreeMap<>(Map.of(
                "id_number",
                "522324197804120319",
                "name",
                "王建国",
                "settle_date",
                "2025-03-18",
                "visits",
                "3",
                "insured",
                "true",
                "out_of_pocket",
                "9529.65"));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update("medical_settlement".getBytes(StandardCharsets.UTF_8));
        texts.forEach((name, text) -> {
            sha.update((byte) 0);
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '=');
            sha.update(text.getBytes(StandardCharsets.UTF_8));
        });
        byte[] expected = Arrays.copyOf(sha.digest(), 16);
        RecordRows rows = new RecordRows(SCHEMA);
        assertThat(HexFormat.of().formatHex(rows.hash(values)))
                .isEqualTo(HexFormat.of().formatHex(expected));
        // a blank field is left out, not hashed as empty
        values[3] = null;
        texts.remove("visits");
        assertThat(rows.hash(values)).isNotEqualTo(expected);
    }

    @Test
    void identityNumbersOfTheStandardFormGetDistinctKeysAndOthersNone() {
        assertThat(RegistryIndex.key("52232419780412031X")).isNotEqualTo(RegistryIndex.key("522324197804120310"));
        assertThat(RegistryIndex.key("522324197804120319"))
                .isEqualTo(RegistryIndex.key("522324197804120319".getBytes(StandardCharsets.US_ASCII), 0));
        assertThat(RegistryIndex.key("99999999999999999X")).isPositive();
        assertThat(RegistryIndex.key("52232419780412031x")).isEqualTo(-1);
        assertThat(RegistryIndex.key("5223241978041203")).isEqualTo(-1);
        assertThat(RegistryIndex.key(null)).isEqualTo(-1);
    }
}
