package org.bulwark.core.registry;

/** Health status as recorded in the registry. */
public enum Health {
    HEALTHY,
    CHRONIC_ILLNESS,
    SERIOUS_ILLNESS
}
