package org.bulwark.core.employment;

/** How a labourer works: the forms of employment the programme counts (docs/employment.md). */
public enum WorkMode {
    /** Wage work for an enterprise. */
    EMPLOYER,
    /** An assistance workshop (帮扶车间) in or near the village. */
    WORKSHOP,
    /** A farmers' cooperative. */
    COOPERATIVE,
    /** Own business or own account, including farming as a business. */
    SELF_EMPLOYED,
    /** Flexible or gig work (零工). */
    GIG,
    /** A public-welfare job (公益性岗位). */
    PUBLIC_WELFARE
}
