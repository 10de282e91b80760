package org.bulwark.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Row-by-row checks of a department file against its category. */
class RowValidatorTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);
    private static final String ID = "522324197804120319";

    private final RowValidator validator = new RowValidator(TestCategories.settlement(), TODAY);

    // --- a valid row

    @Test
    void validRowYieldsTypedValuesInFieldOrder() {
        ValidatedRow row = validate(Map.of("cost", "1234.50", "grade", "2", "insured", "是", "remark", "复诊"));

        assertThat(row.valid()).isTrue();
        assertThat(row.rowNumber()).isEqualTo(7);
        assertThat(row.values())
                .containsExactly(
                        Map.entry("id_number", ID),
                        Map.entry("name", "王建国"),
                        Map.entry("settle_date", LocalDate.of(2025, 3, 18)),
                        Map.entry("kind", "inpatient"),
                        Map.entry("cost", new BigDecimal("1234.50")),
                        Map.entry("grade", 2L),
                        Map.entry("insured", true),
                        Map.entry("remark", "复诊"));
    }

    @Test
    void cellsAreReadByChineseLabelAsWellAsByName() {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("身份证号", ID);
        raw.put("姓名", "王建国");
        raw.put("SETTLE_DATE", "2025-03-18");
        raw.put(" 就诊类型 ", "outpatient");

        assertThat(validator.validate(2, raw).problems()).isEmpty();
    }

    @Test
    void blanksAroundValuesIncludingFullWidthSpacesAreIgnored() {
        ValidatedRow row = validate(Map.of("name", "\u3000王建国 ", "cost", " 12.5 "));

        assertThat(row.valid()).isTrue();
        assertThat(row.values()).containsEntry("name", "王建国").containsEntry("cost", new BigDecimal("12.5"));
    }

    @Test
    void blankOptionalFieldsAreAbsentFromTheValues() {
        ValidatedRow row = validate(Map.of("cost", " ", "remark", ""));

        assertThat(row.valid()).isTrue();
        assertThat(row.values()).doesNotContainKeys("cost", "remark", "grade");
    }

    // --- required fields and keys

    @Test
    void missingRequiredFieldIsReported() {
        ValidatedRow row = validate(Map.of("settle_date", ""));

        assertThat(row.valid()).isFalse();
        assertThat(row.problems())
                .containsExactly(new RowProblem(7, "settle_date", RowProblem.MISSING, "结算日期：必填，不能为空"));
    }

    @Test
    void rowOfACategoryWithSeveralKeysNeedsOneOfThem() {
        RowValidator water = new RowValidator(TestCategories.water(), TODAY);

        assertThat(water.validate(2, Map.of("date", "2025-06-01")).problems())
                .extracting(RowProblem::code)
                .containsExactly(RowProblem.MISSING_KEY);
        assertThat(water.validate(2, Map.of("date", "2025-06-01", "household_number", "5223241010010023"))
                        .valid())
                .isTrue();
        assertThat(water.validate(2, Map.of("date", "2025-06-01", "村级区划代码", "522324101001"))
                        .valid())
                .isTrue();
    }

    // --- integers and decimals

    @ParameterizedTest
    @CsvSource({
        "2.5, not_integer",
        "two, not_integer",
        "99999999999999999999, not_integer",
        "'1,234', thousands_separator",
        "1e3, not_integer"
    })
    void integerFieldRefusesWhatIsNotAPlainWholeNumber(String text, String code) {
        assertThat(codes(Map.of("grade", text))).containsExactly(code);
    }

    @ParameterizedTest
    @CsvSource({
        "'1,234.50', thousands_separator",
        "'12,5', not_decimal",
        "1e3, not_decimal",
        "¥12, not_decimal",
        "12.5.1, not_decimal",
        "., not_decimal",
        "+, not_decimal",
        "-., not_decimal",
        "1 000, not_decimal"
    })
    void decimalFieldRefusesWhatIsNotAPlainNumber(String text, String code) {
        assertThat(codes(Map.of("cost", text))).containsExactly(code);
    }

    @Test
    void thousandsSeparatorMessageShowsTheNumberToWriteInstead() {
        assertThat(validate(Map.of("cost", "1,234.50")).problems().get(0).message())
                .isEqualTo("费用：“1,234.50”带有千位分隔符，请去掉逗号，写作 1234.50");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "+3", ".5", "+.5", "1.", "1000000", "999999.99"})
    void decimalWithinItsRangeIsAccepted(String text) {
        assertThat(validate(Map.of("cost", text)).values()).containsEntry("cost", new BigDecimal(text));
    }

    @Test
    void decimalJustBelowTheMinimumIsRefused() {
        assertThat(validate(Map.of("cost", "-0.01")).problems())
                .extracting(RowProblem::code)
                .containsExactly(RowProblem.BELOW_MIN);
        assertThat(validate(Map.of("cost", "-5")).problems().get(0).message()).isEqualTo("费用：-5 小于允许的最小值 0");
    }

    @Test
    void decimalJustAboveTheMaximumIsRefused() {
        assertThat(validate(Map.of("cost", "1000000.01")).problems())
                .extracting(RowProblem::message)
                .containsExactly("费用：1000000.01 大于允许的最大值 1000000");
    }

    @ParameterizedTest
    @CsvSource({"0, below_min", "1, ''", "4, ''", "5, above_max"})
    void integerRangeIsInclusiveOnBothEnds(String grade, String code) {
        List<String> codes = codes(Map.of("grade", grade));
        if (code == null || code.isEmpty()) {
            assertThat(codes).isEmpty();
        } else {
            assertThat(codes).containsExactly(code);
        }
    }

    // --- dates

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2025-03-05",
                "2025/03/05",
                "20250305",
                "2025/3/5",
                "2025-3-5",
                "2025-03-05 00:00:00",
                "2025/03/05 14:30"
            })
    void dateIsReadInEveryAcceptedFormat(String text) {
        assertThat(validate(Map.of("settle_date", text)).values())
                .containsEntry("settle_date", LocalDate.of(2025, 3, 5));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "05/03/2025",
                "2025.03.05",
                "2025-03/05",
                "March 5",
                "202535",
                "2025-02-29",
                "2025-13-01",
                "1899-12-31"
            })
    void somethingElseIsNotADate(String text) {
        assertThat(codes(Map.of("settle_date", text))).containsExactly(RowProblem.NOT_DATE);
    }

    @Test
    void dateOfTodayIsAcceptedAndTomorrowIsInTheFuture() {
        assertThat(validate(Map.of("settle_date", "2025-06-30")).valid()).isTrue();
        assertThat(validate(Map.of("settle_date", "2025-07-01")).problems())
                .containsExactly(
                        new RowProblem(7, "settle_date", RowProblem.FUTURE_DATE, "结算日期：2025-07-01 晚于今天（2025-06-30）"));
    }

    @Test
    void fieldThatAllowsTheFutureTakesAFutureDate() {
        assertThat(validate(Map.of("due_date", "2027-03-19")).values())
                .containsEntry("due_date", LocalDate.of(2027, 3, 19));
    }

    // --- choices and booleans

    @Test
    void choiceMatchesInAnyCaseAndKeepsTheCatalogueSpelling() {
        assertThat(validate(Map.of("kind", "Special_Outpatient")).values()).containsEntry("kind", "special_outpatient");
    }

    @Test
    void choiceOutsideTheListIsRefusedNamingTheChoicesInChinese() {
        assertThat(validate(Map.of("kind", "急诊")).problems())
                .extracting(RowProblem::message)
                .containsExactly("就诊类型：“急诊”不是可填的值，应为：住院、门诊、门诊特殊病");
    }

    @ParameterizedTest
    @CsvSource({"住院, inpatient", "门诊, outpatient", "门诊特殊病, special_outpatient", "OUTPATIENT, outpatient"})
    void choiceTakesTheChineseWordOrTheCodeAndKeepsTheCode(String text, String code) {
        assertThat(validate(Map.of("kind", text)).values()).containsEntry("kind", code);
    }

    @ParameterizedTest
    @CsvSource({"是, true", "否, false", "TRUE, true", "no, false", "1, true", "0, false", "Y, true"})
    void booleanAcceptsChineseEnglishAndDigits(String text, boolean value) {
        assertThat(validate(Map.of("insured", text)).values()).containsEntry("insured", value);
    }

    @Test
    void booleanRefusesAnythingElse() {
        assertThat(codes(Map.of("insured", "maybe"))).containsExactly(RowProblem.NOT_BOOLEAN);
    }

    // --- keys

    @Test
    void identityNumberWithALowerCaseXIsStoredWithCapitalX() {
        assertThat(validate(Map.of("id_number", "52232419900115002x")).values())
                .containsEntry("id_number", "52232419900115002X");
    }

    @Test
    void identityNumberProblemsCarryTheReasonWithoutRevealingTheNumber() {
        ValidatedRow row = validate(Map.of("id_number", "522324197804120318"));

        assertThat(row.problems()).extracting(RowProblem::code).containsExactly("id_check_digit");
        assertThat(row.problems().get(0).message())
                .isEqualTo("身份证号：校验位（最后一位）应为9，而不是8，请核对号码")
                .doesNotContain("522324197804120318");
    }

    @ParameterizedTest
    @CsvSource({
        "52232419780412031, id_length",
        "52232419780412031A, id_characters",
        "522324202507010117, id_birth_date_in_future"
    })
    void identityNumberIsCheckedAgainstToday(String number, String code) {
        assertThat(codes(Map.of("id_number", number))).containsExactly(code);
    }

    @Test
    void identityNumberBornTodayIsAccepted() {
        RowValidator laterValidator = new RowValidator(TestCategories.settlement(), LocalDate.of(2025, 7, 1));
        assertThat(laterValidator
                        .validate(7, row(Map.of("id_number", "522324202507010117")))
                        .problems())
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "5223241010010023, ''",
        "522324101001002, household_number",
        "52232410100100234, household_number",
        "522324101001002A, household_number"
    })
    void householdNumberHasSixteenDigits(String number, String code) {
        RowValidator water = new RowValidator(TestCategories.water(), TODAY);
        List<String> codes =
                water.validate(2, Map.of("date", "2025-06-01", "household_number", number)).problems().stream()
                        .map(RowProblem::code)
                        .toList();

        assertThat(codes).isEqualTo(code.isEmpty() ? List.of() : List.of(code));
    }

    @ParameterizedTest
    @CsvSource({
        "522324101001, ''",
        "52232410100, village_code",
        "5223241010011, village_code",
        "52232410100A, village_code",
        "522324101000, village_code",
        "002324101001, village_code"
    })
    void villageCodeHasTwelveDigitsEndingInAVillage(String code, String expected) {
        RowValidator water = new RowValidator(TestCategories.water(), TODAY);
        List<String> codes = water.validate(2, Map.of("date", "2025-06-01", "village_code", code)).problems().stream()
                .map(RowProblem::code)
                .toList();

        assertThat(codes).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
    }

    // --- text

    @Test
    void textOfTwoHundredCharactersIsAcceptedAndOneMoreIsTooLong() {
        assertThat(validate(Map.of("remark", "病".repeat(200))).valid()).isTrue();
        assertThat(validate(Map.of("remark", "病".repeat(201))).problems())
                .extracting(RowProblem::message)
                .containsExactly("备注：有201个字，超过允许的200个字");
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        String rareHan = new String(Character.toChars(0x20000)); // a CJK Extension B character: two UTF-16 units
        assertThat(validate(Map.of("remark", rareHan.repeat(200))).valid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "=1+1", "-", "+"})
    void textThatASpreadsheetWouldRunIsRefusedAsFormula(String text) {
        assertThat(codes(Map.of("remark", text))).containsExactly(RowProblem.FORMULA);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5", "+8613812345678", "-0.5", "a=b", "张三-李四", "5 @ home"})
    void numbersAndInnerSignsAreNotFormulas(String text) {
        assertThat(validate(Map.of("remark", text)).values()).containsEntry("remark", text);
    }

    @Test
    void everyProblemOfARowIsReported() {
        ValidatedRow row = validate(Map.of("name", "=cmd", "kind", "clinic", "cost", "-1", "grade", "x"));

        assertThat(row.problems()).extracting(RowProblem::field).containsExactly("name", "kind", "cost", "grade");
        assertThat(row.values()).doesNotContainKeys("name", "kind", "cost", "grade");
    }

    // --- columns

    @Test
    void headerOfNamesOrLabelsInAnyCaseIsAccepted() {
        List<String> header = List.of("身份证号", "NAME", "Settle_Date", "就诊类型", "费用", "");

        assertThat(validator.checkColumns(header)).isEmpty();
        assertThat(validator.headerToField(header))
                .containsExactly(
                        Map.entry("身份证号", "id_number"),
                        Map.entry("NAME", "name"),
                        Map.entry("Settle_Date", "settle_date"),
                        Map.entry("就诊类型", "kind"),
                        Map.entry("费用", "cost"));
    }

    @Test
    void unknownColumnIsReportedOnTheHeaderRow() {
        List<RowProblem> problems = validator.checkColumns(List.of("身份证号", "姓名", "结算日期", "就诊类型", "医院"));

        assertThat(problems)
                .containsExactly(new RowProblem(1, "医院", RowProblem.UNKNOWN_COLUMN, "列“医院”不是“医疗费用结算”模板中的列"));
    }

    @Test
    void missingRequiredColumnIsReportedAndMissingOptionalOneIsNot() {
        List<RowProblem> problems = validator.checkColumns(List.of("身份证号", "姓名", "就诊类型"));

        assertThat(problems)
                .containsExactly(new RowProblem(1, "settle_date", RowProblem.MISSING_COLUMN, "缺少必填列“结算日期”"));
    }

    @Test
    void nameAndLabelOfOneFieldAreTwoColumnsTooMany() {
        List<RowProblem> problems = validator.checkColumns(List.of("id_number", "name", "姓名", "结算日期", "就诊类型"));

        assertThat(problems).extracting(RowProblem::code).containsExactly(RowProblem.DUPLICATE_COLUMN);
        assertThat(problems.get(0).message()).isEqualTo("列“name”和“姓名”都是“姓名”，只能保留一列");
    }

    @Test
    void categoryWithSeveralKeysNeedsAColumnForOneOfThem() {
        RowValidator water = new RowValidator(TestCategories.water(), TODAY);

        assertThat(water.checkColumns(List.of("监测日期")))
                .extracting(RowProblem::code)
                .containsExactly(RowProblem.MISSING_COLUMN);
        assertThat(water.checkColumns(List.of("监测日期", "户编号"))).isEmpty();
    }

    @Test
    void rowWithAKeyOutsideTheCategoryReportsItAsUnknown() {
        assertThat(codes(Map.of("hospital", "县医院"))).containsExactly(RowProblem.UNKNOWN_COLUMN);
        assertThat(validate(Map.of("hospital", "")).valid()).isTrue();
    }

    // --- the words of the reasons

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "id_number | 5223241978041203",
                "id_number | 52232419780412031A",
                "id_number | 522324197804120318",
                "id_number | 522324202507010117",
                "id_number | 992324197804120319",
                "id_number | 522324197802300311",
                "name | =王",
                "name | 王\u202E五",
                "settle_date | 2025-02-30",
                "settle_date | 18991231",
                "settle_date | 2026-01-01",
                "settle_date | 3.5",
                "kind | 9",
                "cost | 1,000",
                "cost | 1.2.3",
                "cost | -1",
                "grade | 1.5",
                "grade | 5",
                "insured | 2",
                "remark | +1+",
                "due_date | 0"
            })
    void everyReasonIsChineseAndNamesTheColumnNotTheFieldCode(String field, String cell) {
        List<RowProblem> problems =
                validate(Map.of(field, cell.replace("\\u202E", "\u202E"))).problems();

        assertThat(problems).isNotEmpty();
        for (RowProblem problem : problems) {
            String label = TestCategories.settlement()
                    .field(problem.field())
                    .orElseThrow()
                    .label();
            assertThat(problem.message()).as(field + " " + cell).startsWith(label + "：");
            // what remains once the quoted cell, the date formats and the yes/no words are taken out is not English
            String words = problem.message()
                    .replaceAll("“[^”]*”", "")
                    .replaceAll("true/false|yes/no", "")
                    .replaceAll("U\\+[0-9A-F]{4}", "");
            assertThat(words).as(problem.message()).doesNotContainPattern("[A-Za-z]{2,}");
        }
    }

    private ValidatedRow validate(Map<String, String> overrides) {
        return validator.validate(7, row(overrides));
    }

    private List<String> codes(Map<String, String> overrides) {
        return validate(overrides).problems().stream().map(RowProblem::code).toList();
    }

    /** A valid row with some cells replaced or added. */
    private static Map<String, String> row(Map<String, String> overrides) {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("id_number", ID);
        raw.put("name", "王建国");
        raw.put("settle_date", "2025-03-18");
        raw.put("kind", "inpatient");
        raw.putAll(overrides);
        return raw;
    }
}
