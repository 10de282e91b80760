package org.bulwark.core.casework;

import java.time.LocalDate;
import java.util.Set;

/**
 * What the procedure looks at when a step is decided: the case where it stands and what has been recorded about the
 * household so far.
 *
 * @param commitmentSigned    the household signed the commitment-and-authorisation at home verification
 * @param classification      type and risk types (identification), null when not yet recorded
 * @param helperAssigned      the household has its one designated helper
 * @param risksAnswered       the risk types that a measure of the household's plan answers
 * @param assessment          the risk-elimination assessment (elimination cases), null otherwise
 */
public record CaseFacts(
        CaseKind kind,
        Step step,
        LocalDate stepEnteredOn,
        boolean commitmentSigned,
        Classification classification,
        boolean helperAssigned,
        Set<RiskType> risksAnswered,
        RiskEliminationAssessment assessment) {

    public CaseFacts {
        risksAnswered = risksAnswered == null ? Set.of() : Set.copyOf(risksAnswered);
    }
}
