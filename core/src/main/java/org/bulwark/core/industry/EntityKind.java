package org.bulwark.core.industry;

/** The business entity that runs an industry project (新型经营主体 and the assistance forms of docs/policy.md §5). */
public enum EntityKind {
    LEADING_ENTERPRISE,
    COOPERATIVE,
    FAMILY_FARM,
    ASSISTANCE_WORKSHOP,
    TOURISM_VILLAGE
}
