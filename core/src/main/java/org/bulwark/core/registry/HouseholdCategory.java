package org.bulwark.core.registry;

/** Category of a rural household in the registry. */
public enum HouseholdCategory {
    FORMERLY_POOR,
    MONITORED,
    ORDINARY
}
