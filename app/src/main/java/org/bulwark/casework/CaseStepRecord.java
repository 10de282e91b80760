package org.bulwark.casework;

import java.time.Instant;
import java.time.LocalDate;

/** One decision taken on a case: the step, the decision, who, when and why. */
public record CaseStepRecord(long id, String step, String decision, String decidedBy, LocalDate decidedOn,
                             Instant decidedAt, String comment, Integer objections) {
}
