package org.bulwark.core.village;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * How a typed value of an indicator becomes the number stored: yes and no as 1 and 0, shares and numbers as
 * written. The form and the import check values here, so that both refuse the same things.
 */
public final class IndicatorValues {

    /** The most decimals a value may have (a share of 87.5%, a distance of 2.25 km). */
    public static final int SCALE = 2;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Set<String> YES = Set.of("是", "有", "yes", "true", "1", "y");
    private static final Set<String> NO = Set.of("否", "无", "没有", "no", "false", "0", "n");

    private IndicatorValues() {}

    /** Why a value is refused; {@link #code()} is stable for machines and message keys. */
    public enum Problem {
        MISSING("必填，不能为空"),
        NOT_YES_NO("应填“是”或“否”"),
        NOT_NUMBER("应为数字（小数点用“.”，不带千位分隔符）"),
        NEGATIVE("不能小于0"),
        ABOVE_HUNDRED("是百分比，不能大于100"),
        TOO_PRECISE("最多保留两位小数");

        private final String chinese;

        Problem(String chinese) {
            this.chinese = chinese;
        }

        /** Lower snake case, e.g. {@code not_yes_no}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The reason in Chinese, to follow the column's name and a colon (import files are read in Chinese). */
        public String chinese() {
            return chinese;
        }
    }

    /** A value as stored, or why there is none. Exactly one of the two is set. */
    public record Parsed(BigDecimal value, Problem problem) {

        public boolean valid() {
            return problem == null;
        }
    }

    /** Parses the text typed for an indicator; blank is {@link Problem#MISSING}, since a year is filled whole. */
    public static Parsed parse(Indicator indicator, String text) {
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty()) {
            return refused(Problem.MISSING);
        }
        if (indicator.yesNo()) {
            String word = typed.toLowerCase(Locale.ROOT);
            if (YES.contains(word)) {
                return new Parsed(BigDecimal.ONE, null);
            }
            return NO.contains(word) ? new Parsed(BigDecimal.ZERO, null) : refused(Problem.NOT_YES_NO);
        }
        BigDecimal number;
        try {
            number = new BigDecimal(typed);
        } catch (NumberFormatException e) {
            return refused(Problem.NOT_NUMBER);
        }
        return check(indicator, number);
    }

    /** Checks a number already read (an import's cell) against the indicator's range and scale. */
    public static Parsed check(Indicator indicator, BigDecimal number) {
        if (number.signum() < 0) {
            return refused(Problem.NEGATIVE);
        }
        if (indicator.type() == IndicatorType.PERCENT && number.compareTo(HUNDRED) > 0) {
            return refused(Problem.ABOVE_HUNDRED);
        }
        if (number.stripTrailingZeros().scale() > SCALE) {
            return refused(Problem.TOO_PRECISE);
        }
        return new Parsed(number.setScale(SCALE), null);
    }

    /** A yes or no as stored. */
    public static BigDecimal of(boolean yes) {
        return yes ? BigDecimal.ONE.setScale(SCALE) : BigDecimal.ZERO.setScale(SCALE);
    }

    /** Whether a stored value of a yes/no indicator says yes. */
    public static boolean yes(BigDecimal stored) {
        return stored != null && stored.signum() > 0;
    }

    private static Parsed refused(Problem problem) {
        return new Parsed(null, problem);
    }
}
