package org.bulwark.core.industry;

import java.util.Optional;
import org.bulwark.core.text.EnumWords;

/**
 * The Chinese words of industries' values, as files and forms write them (the same words the pages show,
 * messages.properties {@code enum.*}); a value is read from its word or its code, so that a spreadsheet typed in
 * Chinese and a script sending codes both work.
 */
public final class IndustryWords {

    private static final EnumWords WORDS = new EnumWords();

    static {
        put(EntityKind.LEADING_ENTERPRISE, "龙头企业");
        put(EntityKind.COOPERATIVE, "合作社");
        put(EntityKind.FAMILY_FARM, "家庭农场");
        put(EntityKind.ASSISTANCE_WORKSHOP, "帮扶车间");
        put(EntityKind.TOURISM_VILLAGE, "乡村旅游");
        put(Industry.PLANTING, "种植");
        put(Industry.LIVESTOCK, "养殖");
        put(Industry.PROCESSING, "加工");
        put(Industry.TOURISM, "旅游");
        put(Industry.OTHER, "其他");
        put(FundingSource.ASSISTANCE_FUNDS, "衔接资金");
        put(FundingSource.PAIRED_ASSISTANCE, "东西部协作资金");
        put(FundingSource.ENTERPRISE, "企业自筹");
        put(FundingSource.COLLECTIVE, "村集体");
        put(FundingSource.CREDIT, "信贷资金");
        put(FundingSource.OTHER, "其他");
        put(ProjectState.ACTIVE, "正常经营");
        put(ProjectState.FAILED, "经营失败");
        put(ProjectState.CLOSED, "已关停");
        put(BenefitKind.WAGES, "务工");
        put(BenefitKind.LAND_RENT, "土地流转");
        put(BenefitKind.DIVIDEND, "入股分红");
        put(BenefitKind.CONTRACT_PURCHASE, "订单收购");
        put(BenefitKind.SERVICES, "托管服务");
        put(CollectiveIncomeSource.OPERATIONS, "经营收入");
        put(CollectiveIncomeSource.ASSET_RENT, "资产租赁");
        put(CollectiveIncomeSource.INVESTMENT, "投资收益");
        put(CollectiveIncomeSource.SERVICES, "服务收入");
        put(CollectiveIncomeSource.SUBSIDY, "补助收入");
        put(CollectiveIncomeSource.OTHER, "其他收入");
    }

    private IndustryWords() {}

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
