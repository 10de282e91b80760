package org.bulwark.employment;

/**
 * Why the allocation order (docs/employment.md, "Public-welfare jobs") put a candidate where it did: one kind for each
 * step of the order the candidate met, worded by pages from {@code employment.welfare.reason.*}.
 */
public enum WelfareReason {
    NO_OTHER_WORK,
    WORKS_ELSEWHERE,
    WEAK_LABOUR,
    ABLE_LABOUR,
    MONITORED,
    FORMERLY_POOR,
    ORDINARY,
    FIRST_OF_HOUSEHOLD,
    HOUSEHOLD_ALREADY_SERVED
}
