package org.bulwark.core.safetynet;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.bulwark.core.registry.Schooling;

/**
 * Computes the three guarantees and drinking water from what the platform holds. A department's record is newer and
 * more authoritative than the registry's field, so it decides where there is one; the registry's field decides
 * otherwise. Housing and water have no registry field: without an appraisal or a check they are not recorded.
 */
public final class ThreeGuarantees {

    private static final Set<String> UNSAFE_GRADES = Set.of("C", "D");
    private static final Set<String> OUT_OF_SCHOOL = Set.of("dropped_out", "suspended");

    private final int schoolAgeMin;
    private final int schoolAgeMax;

    /** Compulsory-school age from {@code schoolAgeMin} to {@code schoolAgeMax} years, both included. */
    public ThreeGuarantees(int schoolAgeMin, int schoolAgeMax) {
        this.schoolAgeMin = schoolAgeMin;
        this.schoolAgeMax = schoolAgeMax;
    }

    /** The state of each guarantee for these facts. */
    public GuaranteeStatus status(GuaranteeFacts facts) {
        Map<Guarantee, GuaranteeState> states = new EnumMap<>(Guarantee.class);
        states.put(Guarantee.EDUCATION, education(facts));
        states.put(Guarantee.MEDICAL_INSURANCE, medical(facts));
        states.put(Guarantee.HOUSING, housing(facts));
        states.put(Guarantee.DRINKING_WATER, water(facts));
        return new GuaranteeStatus(states);
    }

    private GuaranteeState education(GuaranteeFacts facts) {
        boolean gap = facts.members().stream()
                .filter(m -> m.age() >= schoolAgeMin && m.age() <= schoolAgeMax)
                .anyMatch(ThreeGuarantees::outOfSchool);
        return gap ? GuaranteeState.GAP : GuaranteeState.SECURED;
    }

    private static boolean outOfSchool(GuaranteeFacts.Member m) {
        if (m.schoolStatus() != null) {
            return OUT_OF_SCHOOL.contains(m.schoolStatus());
        }
        return m.schooling() == Schooling.DROPPED_OUT;
    }

    private static GuaranteeState medical(GuaranteeFacts facts) {
        boolean gap = facts.members().stream().anyMatch(m -> m.enrolled() != null ? !m.enrolled() : !m.insured());
        return gap ? GuaranteeState.GAP : GuaranteeState.SECURED;
    }

    private static GuaranteeState housing(GuaranteeFacts facts) {
        if (facts.housingGrade() == null) {
            return GuaranteeState.NOT_RECORDED;
        }
        return UNSAFE_GRADES.contains(facts.housingGrade()) && !facts.renovated()
                ? GuaranteeState.GAP
                : GuaranteeState.SECURED;
    }

    private static GuaranteeState water(GuaranteeFacts facts) {
        if (facts.waterStatus() == null) {
            return GuaranteeState.NOT_RECORDED;
        }
        return facts.waterStatus().equals("unsafe") ? GuaranteeState.GAP : GuaranteeState.SECURED;
    }
}
