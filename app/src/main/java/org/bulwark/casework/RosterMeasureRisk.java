package org.bulwark.casework;

import java.util.Map;
import java.util.Set;
import org.bulwark.core.casework.MeasureCategory;
import org.bulwark.core.casework.RiskType;

/**
 * Which of its period's risks a roster measure answers: rosters list measures without it, and a plan's measure answers
 * one risk (docs/policy.md §5). The risk the category is made for when the period carries it, else the period's first.
 */
final class RosterMeasureRisk {

    private static final Map<MeasureCategory, RiskType> MADE_FOR = Map.of(
            MeasureCategory.HEALTH, RiskType.ILLNESS,
            MeasureCategory.COMPULSORY_EDUCATION, RiskType.SCHOOLING,
            MeasureCategory.OTHER_EDUCATION, RiskType.SCHOOLING,
            MeasureCategory.EMPLOYMENT, RiskType.UNSTABLE_EMPLOYMENT,
            MeasureCategory.PUBLIC_WELFARE_JOB, RiskType.LACK_OF_LABOUR,
            MeasureCategory.INDUSTRY, RiskType.INDUSTRY_FAILURE,
            MeasureCategory.HOUSING_SAFETY, RiskType.NATURAL_DISASTER);

    private RosterMeasureRisk() {}

    /** @param risks the period's risks in the enum's order, at least one */
    static RiskType of(MeasureCategory category, Set<RiskType> risks) {
        RiskType made = MADE_FOR.get(category);
        return made != null && risks.contains(made) ? made : risks.iterator().next();
    }
}
