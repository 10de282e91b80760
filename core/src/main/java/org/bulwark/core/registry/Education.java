package org.bulwark.core.registry;

/** Highest education attained. */
public enum Education {
    NONE,
    PRIMARY,
    JUNIOR_SECONDARY,
    SENIOR_SECONDARY,
    VOCATIONAL,
    COLLEGE
}
