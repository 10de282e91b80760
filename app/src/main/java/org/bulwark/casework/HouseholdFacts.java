package org.bulwark.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bulwark.core.registry.HouseholdCategory;
import org.bulwark.core.registry.LabourCapacity;
import org.bulwark.core.registry.Schooling;
import org.bulwark.registry.HouseholdFile;
import org.bulwark.registry.Person;
import org.bulwark.registry.Registry;
import org.bulwark.screening.RuleBook;
import org.bulwark.screening.Warnings;
import org.springframework.stereotype.Component;

/**
 * What casework needs to know about a household, read from the registry and the warnings (never asked again of the
 * cadre): whether it is formerly poor, whether anyone can work, which guarantees are unresolved, the line in force.
 */
@Component
class HouseholdFacts {

    /** Warning risk types that stand for an unresolved guarantee, and the guarantee they name. */
    private static final Map<String, String> GUARANTEE_WARNINGS = Map.of(
            "housing_guarantee",
            "housing",
            "drinking_water",
            "drinking_water",
            "education_guarantee",
            "compulsory_education",
            "health_guarantee",
            "medical_insurance");

    private final Registry registry;
    private final Warnings warnings;
    private final RuleBook rules;

    HouseholdFacts(Registry registry, Warnings warnings, RuleBook rules) {
        this.registry = registry;
        this.warnings = warnings;
        this.rules = rules;
    }

    /** The household in the caller's scope (not found otherwise). */
    HouseholdFile file(long householdId) {
        return registry.file(householdId);
    }

    /** Tells the registry the household's monitoring status changed (ordinary ⇄ monitored). */
    void recordMonitoring(long householdId, boolean monitored) {
        registry.recordMonitoring(householdId, monitored);
    }

    static boolean formerlyPoor(HouseholdFile file) {
        return file.household().category() == HouseholdCategory.FORMERLY_POOR;
    }

    static boolean anyoneCanWork(HouseholdFile file) {
        return file.members().stream()
                .anyMatch(p -> p.labourCapacity() == LabourCapacity.ABLE || p.labourCapacity() == LabourCapacity.WEAK);
    }

    /** The household's open downward warnings by the rule's risk type (read once, used for gaps and the count). */
    Map<String, Integer> openRisks(long householdId) {
        return warnings.openRisksOf(householdId);
    }

    /** The guarantees not yet secured, by name: from the members' records and from open guarantee warnings. */
    static Set<String> guaranteeGaps(HouseholdFile file, Map<String, Integer> openRisks) {
        Set<String> gaps = new TreeSet<>();
        for (Person member : file.members()) {
            if (!member.medicalInsured()) {
                gaps.add("medical_insurance");
            }
            if (member.schooling() == Schooling.DROPPED_OUT) {
                gaps.add("compulsory_education");
            }
        }
        openRisks.keySet().forEach(risk -> {
            String gap = GUARANTEE_WARNINGS.get(risk);
            if (gap != null) {
                gaps.add(gap);
            }
        });
        return gaps;
    }

    /** How many open downward warnings there are in all. */
    static int openRiskWarnings(Map<String, Integer> openRisks) {
        return openRisks.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The monitoring line (yuan per person per year) of the household's province in the year of {@code on}. */
    BigDecimal line(String villageCode, LocalDate on) {
        return BigDecimal.valueOf(rules.active()
                .parameters(villageCode.substring(0, 2), on.getYear())
                .value("line"));
    }
}
