package org.bulwark.core.industry;

/** How a household benefits from a project (联农带农 mechanisms, docs/policy.md §5). */
public enum BenefitKind {
    WAGES,
    LAND_RENT,
    DIVIDEND,
    CONTRACT_PURCHASE,
    SERVICES
}
