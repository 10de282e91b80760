package org.bulwark.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.core.exchange.RowProblem;
import org.bulwark.core.exchange.RowValidator;
import org.bulwark.core.exchange.ValidatedRow;
import org.junit.jupiter.api.Test;

/** The registry's templates take the platform's words, the codes and the counties' own words, and name the rest. */
class RegistryTemplatesTest {

    private final RowValidator members = new RowValidator(RegistryTemplates.MEMBERS, LocalDate.of(2026, 12, 1));

    private ValidatedRow row(Map<String, String> cells) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("户编号", "5223241012090001");
        all.put("户类别", "脱贫户");
        all.put("身份证号", "11010119800101001X".substring(0, 17) + checkDigit("11010119800101001"));
        all.put("姓名", "张三");
        all.put("与户主关系", "户主");
        all.putAll(cells);
        return members.validate(2, all);
    }

    private static char checkDigit(String first17) {
        return org.bulwark.core.identity.IdentityNumber.checkDigit(first17);
    }

    @Test
    void countiesWordsMapToTheRegistrysValues() {
        ValidatedRow row = row(Map.of(
                "与户主关系", "之子",
                "文化程度", "大专",
                "残疾等级", "二级残疾",
                "劳动能力", "弱劳动力",
                "务工状况", "省外务工",
                "性别", "男",
                "参加基本医疗保险", "是"));
        assertThat(row.problems()).isEmpty();
        assertThat(row.values())
                .containsEntry("relation", "CHILD")
                .containsEntry("education", "COLLEGE")
                .containsEntry("disability", "GRADE_2")
                .containsEntry("labour_capacity", "WEAK")
                .containsEntry("employment", "EMPLOYED")
                .containsEntry("sex", "MALE")
                .containsEntry("medical_insured", true);
    }

    @Test
    void thePlatformsWordsAndTheCodesAreAcceptedToo() {
        ValidatedRow row = row(Map.of("文化程度", "小学", "健康状况", "HEALTHY", "户类别", "一般农户"));
        assertThat(row.problems()).isEmpty();
        assertThat(row.values()).containsEntry("education", "PRIMARY").containsEntry("health", "HEALTHY");
    }

    @Test
    void anUnknownWordIsRefusedNamingTheColumnAndTheAllowedWords() {
        List<RowProblem> problems = row(Map.of("劳动能力", "很强")).problems();
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).field()).isEqualTo("labour_capacity");
        assertThat(problems.get(0).message()).isEqualTo("劳动能力：“很强”不是可填的值，应为：普通劳动力、弱劳动力或半劳动力、丧失劳动力、无劳动力（非劳动年龄）");
    }

    @Test
    void aWrongIdentityNumberIsRefusedByTheGb11643Check() {
        List<RowProblem> problems = row(Map.of("身份证号", "110101198001010010")).problems();
        assertThat(problems).extracting(RowProblem::code).allMatch(code -> code.startsWith("id_"));
    }

    @Test
    void theHeaderMayNotLackARequiredColumn() {
        List<RowProblem> problems = members.checkColumns(new ArrayList<>(List.of("户编号", "姓名")));
        assertThat(problems).extracting(RowProblem::message).contains("缺少必填列“身份证号”");
    }
}
