package org.bulwark.screening;

import java.util.List;
import java.util.Map;

/**
 * The cases that warnings led to, as casework knows them: screening declares what it needs to show, casework (which
 * depends on screening) answers. Without casework, warnings link to no case.
 */
public interface WarningCases {

    /** How a warning stands to a case. */
    enum Relation {
        /** confirming the warning opened the case */
        OPENED,
        /** the warning was confirmed while the case was under way, and joined it */
        ATTACHED,
        /** the warning is still open, and its household has this case under way: confirming it joins the case */
        HOUSEHOLD_CASE_OPEN
    }

    /** A case a warning links to. */
    record CaseLink(long caseId, Relation relation) {}

    /** The case each of these warnings links to, by warning id; warnings without one are left out. */
    Map<Long, CaseLink> of(List<Warning> warnings);
}
