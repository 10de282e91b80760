package org.bulwark.statistics;

import java.math.BigDecimal;

/**
 * One figure as a provider computes it.
 *
 * @param group      the region group (a code cut to the query's digits) or the breakdown key
 * @param measureId  the measure
 * @param value      the figure, null when it cannot be computed (a growth without last year's income)
 * @param households how many households (or, for records about unregistered residents, persons) the figure rests
 *                   on: a figure resting on one or two is suppressed in village-level views
 */
public record FigureValue(String group, String measureId, BigDecimal value, long households) {

    public static FigureValue of(String group, String measureId, long count, long households) {
        return new FigureValue(group, measureId, BigDecimal.valueOf(count), households);
    }
}
