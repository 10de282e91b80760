package org.bulwark.core.registry;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.core.exchange.FieldSpec;
import org.bulwark.core.exchange.FieldType;
import org.bulwark.core.exchange.TableTemplate;
import org.bulwark.core.identity.Sex;

/**
 * The two files a county brings its registry in with, as published templates with Chinese headers: 户籍成员, one row
 * per person with the household's fields repeated on each row (what the systems counties report to export, and what a
 * spreadsheet sorts and filters without losing a member), and 家庭收入, one row per household and year. Choice
 * columns take the platform's words, the codes, and the other words counties write (本人 for 户主, 一级残疾 for 一级).
 */
public final class RegistryTemplates {

    /** The members file. */
    public static final TableTemplate MEMBERS = members();

    /** The incomes file. */
    public static final TableTemplate INCOMES = incomes();

    /** The word of 健康状况 that means "disabled": the grade then comes from 残疾等级, the health stays unknown. */
    public static final String HEALTH_DISABLED = "残疾";

    /**
     * The words of 务工状况 that also say where: 省外务工 is working (务工) out of the province. The place column, when
     * filled, must agree.
     */
    public static final Map<String, EmploymentPlace> EMPLOYED_AT = Map.of(
            "县内务工", EmploymentPlace.IN_COUNTY,
            "省内县外务工", EmploymentPlace.IN_PROVINCE,
            "省内务工", EmploymentPlace.IN_PROVINCE,
            "县外省内务工", EmploymentPlace.IN_PROVINCE,
            "省外务工", EmploymentPlace.OUT_OF_PROVINCE);

    private RegistryTemplates() {}

    private static TableTemplate members() {
        List<FieldSpec> fields = List.of(
                text("household_number", "户编号", true, "5223241012090001"),
                text("village_code", "村代码", false, "522324101209"),
                text("township", "乡镇", false, null),
                text("village", "村名", false, null),
                choice("category", "户类别", true, HouseholdCategory.class, "ORDINARY"),
                text("address", "住址", false, "沙子镇保家村一组"),
                text("phone", "联系电话", false, "13800000000"),
                text("id_number", "身份证号", true, "522324198003150012"),
                text("name", "姓名", true, "张三"),
                choice("relation", "与户主关系", true, Relation.class, "HEAD"),
                choice("sex", "性别", false, Sex.class, "MALE"),
                date("birth_date", "出生日期"),
                choice("education", "文化程度", false, Education.class, "PRIMARY"),
                choice("schooling", "在校情况", false, Schooling.class, "NOT_SCHOOL_AGE"),
                choice("health", "健康状况", false, Health.class, "HEALTHY"),
                choice("disability", "残疾等级", false, Disability.class, "NONE"),
                choice("labour_capacity", "劳动能力", false, LabourCapacity.class, "ABLE"),
                choice("employment", "务工状况", false, Employment.class, "EMPLOYED"),
                choice("employment_place", "务工地点", false, EmploymentPlace.class, "OUT_OF_PROVINCE"),
                new FieldSpec(
                        "employment_months",
                        "务工时间（月）",
                        FieldType.INTEGER,
                        false,
                        List.of(),
                        BigDecimal.ZERO,
                        BigDecimal.valueOf(12),
                        false,
                        "10"),
                bool("medical_insured", "参加基本医疗保险", "true"),
                bool("pension_insured", "参加基本养老保险", "true"));
        return new TableTemplate("户籍成员", fields, RegistryWords.ALIASES, List.of());
    }

    private static TableTemplate incomes() {
        List<FieldSpec> fields = List.of(
                text("household_number", "户编号", true, "5223241012090001"),
                new FieldSpec(
                        "year",
                        "年度",
                        FieldType.INTEGER,
                        true,
                        List.of(),
                        BigDecimal.valueOf(2000),
                        BigDecimal.valueOf(2100),
                        false,
                        "2025"),
                money("wage", "工资性收入", "24000"),
                money("operating", "生产经营性收入", "6000"),
                money("property", "财产性收入", "500"),
                money("transfer", "转移性收入", "3000"),
                money("production_cost", "生产经营性支出", "2000"));
        return new TableTemplate("家庭收入", fields);
    }

    private static FieldSpec text(String name, String label, boolean required, String example) {
        return new FieldSpec(name, label, FieldType.TEXT, required, List.of(), null, null, false, example);
    }

    private static FieldSpec date(String name, String label) {
        return new FieldSpec(name, label, FieldType.DATE, false, List.of(), null, null, false, null);
    }

    private static FieldSpec bool(String name, String label, String example) {
        return new FieldSpec(name, label, FieldType.BOOLEAN, false, List.of(), null, null, false, example);
    }

    private static FieldSpec money(String name, String label, String example) {
        return new FieldSpec(name, label, FieldType.DECIMAL, false, List.of(), BigDecimal.ZERO, null, false, example);
    }

    private static <E extends Enum<E>> FieldSpec choice(
            String name, String label, boolean required, Class<E> type, String example) {
        Map<String, String> words = new LinkedHashMap<>();
        for (E value : type.getEnumConstants()) {
            words.put(value.name(), RegistryWords.word(value));
        }
        List<String> codes = List.copyOf(words.keySet());
        return new FieldSpec(name, label, FieldType.CHOICE, required, codes, null, null, false, example, words);
    }
}
