package org.bulwark.core.casework;

import java.util.Locale;
import java.util.Optional;

/** The risk types of docs/policy.md §3; a household carries one to five of them. */
public enum RiskType {
    ILLNESS,
    DISABILITY,
    SCHOOLING,
    NATURAL_DISASTER,
    ACCIDENT,
    INDUSTRY_FAILURE,
    UNSTABLE_EMPLOYMENT,
    LACK_OF_LABOUR,
    OTHER;

    /** Most risk types one household may carry (docs/policy.md §3). */
    public static final int MAX_PER_HOUSEHOLD = 5;

    /**
     * The risk type a screening rule's {@code risk_type} points to, when it names one; guarantee gaps (housing, water,
     * schooling, health insurance) and income are not risk types of their own and map to none.
     */
    public static Optional<RiskType> fromRuleRiskType(String ruleRiskType) {
        if (ruleRiskType == null) {
            return Optional.empty();
        }
        return switch (ruleRiskType.toLowerCase(Locale.ROOT)) {
            case "illness" -> Optional.of(ILLNESS);
            case "disability" -> Optional.of(DISABILITY);
            case "schooling" -> Optional.of(SCHOOLING);
            case "natural_disaster" -> Optional.of(NATURAL_DISASTER);
            case "accident" -> Optional.of(ACCIDENT);
            case "industry_failure" -> Optional.of(INDUSTRY_FAILURE);
            case "unstable_employment" -> Optional.of(UNSTABLE_EMPLOYMENT);
            case "lack_of_labour" -> Optional.of(LACK_OF_LABOUR);
            case "other" -> Optional.of(OTHER);
            default -> Optional.empty();
        };
    }
}
