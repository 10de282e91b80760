package org.bulwark.core.safetynet;

/** How one guarantee stands for a household. */
public enum GuaranteeState {
    /** The data says it is secured. */
    SECURED,
    /** The data shows a gap. */
    GAP,
    /** No data speaks to it (no appraisal of the house, no water check): neither secured nor a known gap. */
    NOT_RECORDED
}
