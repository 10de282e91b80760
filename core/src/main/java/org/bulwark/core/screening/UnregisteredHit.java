package org.bulwark.core.screening;

import java.time.LocalDate;

/**
 * A downward rule that holds for a person who is in no registered household — an omission to verify.
 *
 * @param idNumber   the person's identity number
 * @param regionCode the 6-digit region code the identity number was issued under, where to send the warning
 * @param deadline   the as-of date plus the rule's deadline days
 */
public record UnregisteredHit(
        String idNumber,
        String regionCode,
        String ruleId,
        String ruleVersion,
        Direction direction,
        String riskType,
        WarningLevel level,
        LocalDate deadline,
        Evidence evidence) {}
