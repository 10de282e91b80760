package org.bulwark.core.safetynet;

/** The three guarantees and drinking water (三保障和饮水安全), in the order they are reported. */
public enum Guarantee {
    /** No child of compulsory-school age out of school. */
    EDUCATION,
    /** Every member in basic medical insurance. */
    MEDICAL_INSURANCE,
    /** The house not appraised unsafe (grade C or D) without renovation since. */
    HOUSING,
    /** Drinking water not found unsafe. */
    DRINKING_WATER
}
