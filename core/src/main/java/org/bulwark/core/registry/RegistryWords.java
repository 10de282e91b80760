package org.bulwark.core.registry;

import java.util.HashMap;
import java.util.Map;
import org.bulwark.core.identity.Sex;

/**
 * The Chinese words of the registry's values, as the import templates write them (the same words the pages show,
 * messages.properties {@code enum.*}), and the other words counties' spreadsheets use for them.
 */
final class RegistryWords {

    private static final Map<Enum<?>, String> WORDS = new HashMap<>();

    static {
        put(HouseholdCategory.FORMERLY_POOR, "脱贫户");
        put(HouseholdCategory.MONITORED, "监测户");
        put(HouseholdCategory.ORDINARY, "一般农户");
        put(Sex.MALE, "男");
        put(Sex.FEMALE, "女");
        put(Relation.HEAD, "户主");
        put(Relation.SPOUSE, "配偶");
        put(Relation.CHILD, "子女");
        put(Relation.CHILD_IN_LAW, "儿媳/女婿");
        put(Relation.GRANDCHILD, "孙子女");
        put(Relation.PARENT, "父母");
        put(Relation.GRANDPARENT, "祖父母");
        put(Relation.SIBLING, "兄弟姐妹");
        put(Relation.OTHER, "其他");
        put(Education.NONE, "文盲或半文盲");
        put(Education.PRIMARY, "小学");
        put(Education.JUNIOR_SECONDARY, "初中");
        put(Education.SENIOR_SECONDARY, "高中");
        put(Education.VOCATIONAL, "中职/高职");
        put(Education.COLLEGE, "大专及以上");
        put(Health.HEALTHY, "健康");
        put(Health.CHRONIC_ILLNESS, "长期慢性病");
        put(Health.SERIOUS_ILLNESS, "患有大病");
        put(Disability.NONE, "无");
        put(Disability.GRADE_1, "一级");
        put(Disability.GRADE_2, "二级");
        put(Disability.GRADE_3, "三级");
        put(Disability.GRADE_4, "四级");
        put(LabourCapacity.ABLE, "普通劳动力");
        put(LabourCapacity.WEAK, "弱劳动力或半劳动力");
        put(LabourCapacity.NONE, "丧失劳动力");
        put(LabourCapacity.NOT_WORKING_AGE, "无劳动力（非劳动年龄）");
        put(Employment.EMPLOYED, "务工");
        put(Employment.SELF_EMPLOYED, "自主创业");
        put(Employment.FARMING, "务农");
        put(Employment.UNEMPLOYED, "失业");
        put(Employment.NOT_IN_LABOUR_FORCE, "不在劳动力范围");
        put(EmploymentPlace.IN_COUNTY, "县内");
        put(EmploymentPlace.IN_PROVINCE, "省内县外");
        put(EmploymentPlace.OUT_OF_PROVINCE, "省外");
        put(Schooling.NOT_SCHOOL_AGE, "非在校年龄");
        put(Schooling.PRESCHOOL, "学前教育");
        put(Schooling.COMPULSORY, "义务教育在校");
        put(Schooling.SENIOR_SECONDARY, "普通高中在校");
        put(Schooling.VOCATIONAL, "中职在校");
        put(Schooling.HIGHER, "高等教育在校");
        put(Schooling.DROPPED_OUT, "辍学");
        put(Schooling.HOME_SCHOOLED_FOR_DISABILITY, "送教上门");
    }

    /** The other words, by field name: word → code. */
    static final Map<String, Map<String, String>> ALIASES = Map.of(
            "category",
            Map.of("脱贫不稳定户", "FORMERLY_POOR", "监测对象", "MONITORED", "一般户", "ORDINARY", "农户", "ORDINARY"),
            "relation",
            Map.ofEntries(
                    Map.entry("本人", "HEAD"),
                    Map.entry("妻", "SPOUSE"),
                    Map.entry("夫", "SPOUSE"),
                    Map.entry("妻子", "SPOUSE"),
                    Map.entry("丈夫", "SPOUSE"),
                    Map.entry("之子", "CHILD"),
                    Map.entry("之女", "CHILD"),
                    Map.entry("儿子", "CHILD"),
                    Map.entry("女儿", "CHILD"),
                    Map.entry("长子", "CHILD"),
                    Map.entry("次子", "CHILD"),
                    Map.entry("长女", "CHILD"),
                    Map.entry("次女", "CHILD"),
                    Map.entry("儿媳", "CHILD_IN_LAW"),
                    Map.entry("女婿", "CHILD_IN_LAW"),
                    Map.entry("之儿媳", "CHILD_IN_LAW"),
                    Map.entry("孙子", "GRANDCHILD"),
                    Map.entry("孙女", "GRANDCHILD"),
                    Map.entry("之孙子", "GRANDCHILD"),
                    Map.entry("之孙女", "GRANDCHILD"),
                    Map.entry("外孙子", "GRANDCHILD"),
                    Map.entry("外孙女", "GRANDCHILD"),
                    Map.entry("父亲", "PARENT"),
                    Map.entry("母亲", "PARENT"),
                    Map.entry("之父", "PARENT"),
                    Map.entry("之母", "PARENT"),
                    Map.entry("祖父", "GRANDPARENT"),
                    Map.entry("祖母", "GRANDPARENT"),
                    Map.entry("兄弟", "SIBLING"),
                    Map.entry("姐妹", "SIBLING")),
            "education",
            Map.of(
                    "文盲", "NONE",
                    "半文盲", "NONE",
                    "中专", "VOCATIONAL",
                    "中职", "VOCATIONAL",
                    "高职", "VOCATIONAL",
                    "大专", "COLLEGE",
                    "本科及以上", "COLLEGE"),
            "health",
            Map.of("慢性病", "CHRONIC_ILLNESS", "大病", "SERIOUS_ILLNESS"),
            "disability",
            Map.of(
                    "否", "NONE",
                    "一级残疾", "GRADE_1",
                    "二级残疾", "GRADE_2",
                    "三级残疾", "GRADE_3",
                    "四级残疾", "GRADE_4"),
            "labour_capacity",
            Map.of("弱劳动力", "WEAK", "半劳动力", "WEAK", "技能劳动力", "ABLE", "无劳动力", "NOT_WORKING_AGE"),
            "employment",
            Map.of(
                    "县内务工", "EMPLOYED",
                    "省内县外务工", "EMPLOYED",
                    "省内务工", "EMPLOYED",
                    "县外省内务工", "EMPLOYED",
                    "省外务工", "EMPLOYED"),
            "employment_place",
            Map.of("省内", "IN_PROVINCE", "县外省内", "IN_PROVINCE", "本县", "IN_COUNTY"),
            "schooling",
            Map.of(
                    "小学在校", "COMPULSORY",
                    "初中在校", "COMPULSORY",
                    "高中在校", "SENIOR_SECONDARY",
                    "大学在校", "HIGHER"));

    private RegistryWords() {}

    private static void put(Enum<?> value, String word) {
        WORDS.put(value, word);
    }

    /** The template's word for a value. */
    static String word(Enum<?> value) {
        String word = WORDS.get(value);
        if (word == null) {
            throw new IllegalStateException("no word for " + value);
        }
        return word;
    }
}
