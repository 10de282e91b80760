package org.bulwark.core.industry;

/** The industry a project is in. */
public enum Industry {
    PLANTING,
    LIVESTOCK,
    PROCESSING,
    TOURISM,
    OTHER
}
