package org.bulwark.core.employment;

/**
 * Why a posting does not fit a labourer: each is a hard limit (docs/employment.md), so a casework page can say why a
 * posting nearby was not proposed.
 */
public enum MatchRefusal {
    /** The work is farther from home than the labourer wishes to go. */
    FARTHER_THAN_WISHED,
    /** The labourer named kinds of work and this is not one of them. */
    KIND_NOT_WISHED,
    /** The posting asks for a skill the labourer does not hold. */
    SKILL_MISSING,
    /** The wage is below the labourer's wished minimum. */
    WAGE_BELOW_WISH,
    /** The posting does not take labourers on the day: not yet open, closed, or no opening left. */
    NOT_TAKING_LABOURERS
}
