package org.bulwark.core.registry;

/** Capacity to work: able, weak (partial), none, or outside working age. */
public enum LabourCapacity {
    ABLE,
    WEAK,
    NONE,
    NOT_WORKING_AGE
}
