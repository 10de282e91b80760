package org.bulwark.screening;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A warning as its readers see it. {@code escalatedTo} says who must act now: the village until the deadline,
 * the township once it has passed, the county a week after that.
 */
public record Warning(long id, Long householdId, String idNumber, String villageCode, String ruleId, String ruleVersion,
                      String direction, String riskType, String level, String status, boolean registered,
                      LocalDate asOf, Instant raisedAt, LocalDate deadline, String evidence, String verifiedBy,
                      Instant verifiedAt, String verificationNote, int version, boolean overdue, String escalatedTo,
                      String householdNumber, String headName) {
}
