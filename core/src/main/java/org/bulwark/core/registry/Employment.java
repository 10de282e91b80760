package org.bulwark.core.registry;

/** Employment status of a person. */
public enum Employment {
    EMPLOYED,
    SELF_EMPLOYED,
    FARMING,
    UNEMPLOYED,
    NOT_IN_LABOUR_FORCE
}
