package org.bulwark.core.registry;

/** Schooling status, mostly for children and students. */
public enum Schooling {
    NOT_SCHOOL_AGE,
    PRESCHOOL,
    COMPULSORY,
    SENIOR_SECONDARY,
    VOCATIONAL,
    HIGHER,
    DROPPED_OUT,
    HOME_SCHOOLED_FOR_DISABILITY
}
