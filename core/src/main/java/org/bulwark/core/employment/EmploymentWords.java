package org.bulwark.core.employment;

import java.util.Optional;
import org.bulwark.core.registry.EmploymentPlace;
import org.bulwark.core.text.EnumWords;

/**
 * The Chinese words of employment services' values, as files and forms write them (the same words the pages show,
 * messages.properties {@code enum.*}); a value is read from its word or its code, so that a spreadsheet typed in
 * Chinese and a script sending codes both work.
 */
public final class EmploymentWords {

    private static final EnumWords WORDS = new EnumWords();

    static {
        put(WorkMode.EMPLOYER, "企业务工");
        put(WorkMode.WORKSHOP, "帮扶车间");
        put(WorkMode.COOPERATIVE, "合作社");
        put(WorkMode.SELF_EMPLOYED, "自主创业");
        put(WorkMode.GIG, "灵活就业");
        put(WorkMode.PUBLIC_WELFARE, "公益性岗位");
        put(EmployerKind.ENTERPRISE, "企业");
        put(EmployerKind.WORKSHOP, "帮扶车间");
        put(EmployerKind.COOPERATIVE, "合作社");
        put(EmployerKind.GIG_PLATFORM, "零工平台");
        put(EmployerKind.PUBLIC_WELFARE_SCHEME, "公益性岗位项目");
        put(WorkKind.MANUFACTURING, "制造加工");
        put(WorkKind.CONSTRUCTION, "建筑施工");
        put(WorkKind.CATERING_AND_SERVICES, "餐饮服务");
        put(WorkKind.DOMESTIC_AND_CARE, "家政护理");
        put(WorkKind.LOGISTICS, "物流运输");
        put(WorkKind.AGRICULTURE, "种养殖");
        put(WorkKind.HANDICRAFT, "手工编织");
        put(WorkKind.PUBLIC_SERVICE, "公共服务");
        put(WorkKind.OTHER, "其他");
        put(Skill.ELECTRICIAN, "电工");
        put(Skill.WELDER, "焊工");
        put(Skill.COOK, "厨师");
        put(Skill.DRIVER, "驾驶员");
        put(Skill.SEWING, "缝纫");
        put(Skill.CHILDCARE, "育婴");
        put(Skill.ELDERLY_CARE, "养老护理");
        put(Skill.CROP_FARMING, "种植");
        put(Skill.ANIMAL_HUSBANDRY, "养殖");
        put(Skill.E_COMMERCE, "电子商务");
        put(Skill.MASONRY, "砌筑");
        put(Skill.MACHINE_OPERATOR, "机械操作");
        put(Reach.VILLAGE, "本村");
        put(Reach.TOWNSHIP, "本乡镇");
        put(Reach.COUNTY, "本县");
        put(Reach.PREFECTURE, "本市州");
        put(Reach.PROVINCE, "本省");
        put(Reach.ANYWHERE, "不限");
        put(EmploymentPlace.IN_COUNTY, "县内");
        put(EmploymentPlace.IN_PROVINCE, "省内县外");
        put(EmploymentPlace.OUT_OF_PROVINCE, "省外");
        put(WelfareDuty.SANITATION, "保洁员");
        put(WelfareDuty.ROAD_WARDEN, "护路员");
        put(WelfareDuty.FOREST_WARDEN, "护林员");
        put(WelfareDuty.WATER_KEEPER, "水管员");
        put(WelfareDuty.CARE, "照料护理员");
        put(WelfareDuty.PATROL, "治安巡逻员");
        put(WelfareDuty.OTHER, "其他");
        put(WelfareFunding.ASSISTANCE_FUNDS, "衔接资金");
        put(WelfareFunding.EMPLOYMENT_SUBSIDY, "就业补助资金");
        put(WelfareFunding.LOCAL_BUDGET, "地方财政");
        put(WelfareFunding.VILLAGE_COLLECTIVE, "村集体经济");
        put(WelfareFunding.OTHER, "其他");
    }

    private EmploymentWords() {}

    private static void put(Enum<?> value, String word) {
        WORDS.put(value, word);
    }

    /** The Chinese word of a value. */
    public static String word(Enum<?> value) {
        return WORDS.word(value);
    }

    /** The value a word or a code (any case) names; empty when it names none of the type's values. */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        return WORDS.parse(type, text);
    }
}
