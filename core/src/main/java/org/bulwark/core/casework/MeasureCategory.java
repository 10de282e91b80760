package org.bulwark.core.casework;

/** The kinds of support measure of docs/policy.md §5. */
public enum MeasureCategory {
    INDUSTRY,
    EMPLOYMENT,
    MICROCREDIT,
    PUBLIC_WELFARE_JOB,
    HOUSING_SAFETY,
    DRINKING_WATER,
    HEALTH,
    COMPULSORY_EDUCATION,
    OTHER_EDUCATION,
    SOCIAL_SECURITY,
    SOCIAL_ASSISTANCE,
    RELOCATION,
    LIVING_CONDITIONS,
    INFRASTRUCTURE,
    CONSUMPTION_SUPPORT,
    INSURANCE,
    OTHER
}
