package org.bulwark.employment;

import java.math.BigDecimal;
import java.util.List;

/**
 * What allocating a post's vacant places proposes: the candidates given a place, in the order given, each with the
 * reasons in the reader's language; and the candidates refused because they or their household are on a public
 * payroll, each with the reason.
 */
public record WelfareProposal(WelfarePost post, List<Proposed> proposed, List<Refused> refused) {

    /** A candidate proposed for a place. */
    public record Proposed(
            long personId,
            String name,
            long householdId,
            String householdNumber,
            BigDecimal perCapitaIncome,
            List<WelfareReason> reasons,
            String explanation) {}

    /** A candidate refused, with the reason in the reader's language. */
    public record Refused(long personId, String name, String householdNumber, String reason) {}
}
