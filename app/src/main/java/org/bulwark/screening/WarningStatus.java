package org.bulwark.screening;

/** Where a warning stands; the names are the values of {@code warning.status}. */
public enum WarningStatus {
    /** Raised, not yet verified by a cadre. */
    OPEN,
    /** The cadre found the risk real: the household is ready for identification. */
    CONFIRMED,
    /** The cadre found no risk, and said why. */
    DISMISSED
}
