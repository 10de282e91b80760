package org.bulwark.casework;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bulwark.core.casework.MeasureCategory;
import org.bulwark.core.casework.MonitoringType;
import org.bulwark.core.casework.RiskType;

/**
 * The Chinese words counties write in their rosters, and the codes, for monitoring types, risk types and measure
 * categories. The national system's guarantee gaps listed as risks (住房安全, 饮水安全) are not risk types in Bulwark
 * (docs/policy.md §3 flags them beside the risks): they are read as 其他 — docs/roster-import.md says so.
 */
final class RosterWords {

    static final Map<String, MonitoringType> TYPES = new LinkedHashMap<>();
    static final Map<String, RiskType> RISKS = new LinkedHashMap<>();
    static final Map<String, MeasureCategory> MEASURES = new LinkedHashMap<>();

    static {
        TYPES.put("脱贫不稳定户", MonitoringType.UNSTABLE_FORMERLY_POOR);
        TYPES.put("脱贫不稳定", MonitoringType.UNSTABLE_FORMERLY_POOR);
        TYPES.put("边缘易致贫户", MonitoringType.MARGINAL);
        TYPES.put("边缘易致贫", MonitoringType.MARGINAL);
        TYPES.put("突发严重困难户", MonitoringType.SUDDEN_HARDSHIP);
        TYPES.put("突发严重困难", MonitoringType.SUDDEN_HARDSHIP);

        RISKS.put("因病", RiskType.ILLNESS);
        RISKS.put("因残", RiskType.DISABILITY);
        RISKS.put("因学", RiskType.SCHOOLING);
        RISKS.put("因灾", RiskType.NATURAL_DISASTER);
        RISKS.put("因自然灾害", RiskType.NATURAL_DISASTER);
        RISKS.put("因意外事故", RiskType.ACCIDENT);
        RISKS.put("因意外", RiskType.ACCIDENT);
        RISKS.put("因产业项目失败", RiskType.INDUSTRY_FAILURE);
        RISKS.put("产业项目失败", RiskType.INDUSTRY_FAILURE);
        RISKS.put("因就业", RiskType.UNSTABLE_EMPLOYMENT);
        RISKS.put("因务工就业不稳", RiskType.UNSTABLE_EMPLOYMENT);
        RISKS.put("务工就业不稳", RiskType.UNSTABLE_EMPLOYMENT);
        RISKS.put("缺劳动力", RiskType.LACK_OF_LABOUR);
        RISKS.put("缺劳力", RiskType.LACK_OF_LABOUR);
        RISKS.put("因缺劳力", RiskType.LACK_OF_LABOUR);
        RISKS.put("住房安全", RiskType.OTHER);
        RISKS.put("住房出现安全问题", RiskType.OTHER);
        RISKS.put("饮水安全", RiskType.OTHER);
        RISKS.put("饮水安全问题", RiskType.OTHER);
        RISKS.put("其他", RiskType.OTHER);

        MEASURES.put("产业帮扶", MeasureCategory.INDUSTRY);
        MEASURES.put("产业", MeasureCategory.INDUSTRY);
        MEASURES.put("就业帮扶", MeasureCategory.EMPLOYMENT);
        MEASURES.put("就业", MeasureCategory.EMPLOYMENT);
        MEASURES.put("小额信贷", MeasureCategory.MICROCREDIT);
        MEASURES.put("金融帮扶", MeasureCategory.MICROCREDIT);
        MEASURES.put("公益岗位", MeasureCategory.PUBLIC_WELFARE_JOB);
        MEASURES.put("住房安全", MeasureCategory.HOUSING_SAFETY);
        MEASURES.put("饮水安全", MeasureCategory.DRINKING_WATER);
        MEASURES.put("健康帮扶", MeasureCategory.HEALTH);
        MEASURES.put("医疗保障", MeasureCategory.HEALTH);
        MEASURES.put("义务教育", MeasureCategory.COMPULSORY_EDUCATION);
        MEASURES.put("其他教育帮扶", MeasureCategory.OTHER_EDUCATION);
        MEASURES.put("教育帮扶", MeasureCategory.OTHER_EDUCATION);
        MEASURES.put("综合保障", MeasureCategory.SOCIAL_SECURITY);
        MEASURES.put("社会救助", MeasureCategory.SOCIAL_ASSISTANCE);
        MEASURES.put("低保", MeasureCategory.SOCIAL_ASSISTANCE);
        MEASURES.put("临时救助", MeasureCategory.SOCIAL_ASSISTANCE);
        MEASURES.put("搬迁", MeasureCategory.RELOCATION);
        MEASURES.put("易地搬迁", MeasureCategory.RELOCATION);
        MEASURES.put("人居环境", MeasureCategory.LIVING_CONDITIONS);
        MEASURES.put("基础设施", MeasureCategory.INFRASTRUCTURE);
        MEASURES.put("消费帮扶", MeasureCategory.CONSUMPTION_SUPPORT);
        MEASURES.put("防贫保险", MeasureCategory.INSURANCE);
        MEASURES.put("防返贫保险", MeasureCategory.INSURANCE);
        MEASURES.put("其他", MeasureCategory.OTHER);
    }

    private RosterWords() {}

    /** The value a word or a code (any case) stands for. */
    static <E extends Enum<E>> Optional<E> read(Map<String, E> words, Class<E> type, String text) {
        String word = text.strip();
        E found = words.get(word);
        if (found != null) {
            return Optional.of(found);
        }
        try {
            return Optional.of(Enum.valueOf(type, word.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The word an export writes for a value: the first word the list gives it (the template's own), 其他 for the
     * risk "other" (住房安全 and 饮水安全 are read as it but are not what it means), the code when no word has it.
     */
    static <E extends Enum<E>> String word(Map<String, E> words, E value) {
        if (value == RiskType.OTHER || value == MeasureCategory.OTHER) {
            return "其他";
        }
        return words.entrySet().stream()
                .filter(e -> e.getValue() == value)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(value.name());
    }

    /** The first words of a list, for a reason that says what is accepted. */
    static String accepted(Map<String, ?> words) {
        return String.join("、", words.keySet().stream().limit(12).toList()) + (words.size() > 12 ? "…" : "");
    }

    /** 是/否 and their usual spellings; null when the text is none of them. */
    static Boolean yesNo(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "是", "已消除", "y", "yes", "true", "1" -> Boolean.TRUE;
            case "否", "未消除", "n", "no", "false", "0" -> Boolean.FALSE;
            default -> null;
        };
    }
}
