package org.bulwark.core.casework;

/** Where a case stands. */
public enum CaseStatus {
    /** under way at one of its steps */
    OPEN,
    /** the county approved: the household is under monitoring (identification) or its risk is eliminated */
    APPROVED,
    /** a step decided against it */
    REJECTED,
    /** closed without a decision, e.g. the declaration was a duplicate of an open case */
    WITHDRAWN
}
