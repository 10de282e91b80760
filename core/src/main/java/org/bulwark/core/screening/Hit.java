package org.bulwark.core.screening;

import java.time.LocalDate;

/**
 * A rule that holds for a registered household.
 *
 * @param household   index of the household in the household table
 * @param householdId the household's id in the registry
 * @param deadline    the as-of date plus the rule's deadline days
 */
public record Hit(
        int household,
        long householdId,
        String ruleId,
        String ruleVersion,
        Direction direction,
        String riskType,
        WarningLevel level,
        LocalDate deadline,
        Evidence evidence) {}
