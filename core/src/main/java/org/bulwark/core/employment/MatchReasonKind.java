package org.bulwark.core.employment;

/**
 * Why a posting is shown to a labourer (or a labourer for a posting). A page puts each kind into words with its
 * figures ({@code employment.reason.*} in messages); data holds only the kind and the figures.
 */
public enum MatchReasonKind {
    /** The work is within the labourer's wished distance; figure: the reach. */
    WITHIN_REACH,
    /** The posting asks for skills the labourer holds; figure: the skills. */
    SKILLS_USED,
    /** The posting asks for no skill. */
    NO_SKILL_NEEDED,
    /** The wage is above the labourer's current wage; figures: wage, current wage. */
    WAGE_ABOVE_CURRENT,
    /** The wage is not above the current wage (the labourer set no minimum that excludes it); figures as above. */
    WAGE_NOT_ABOVE_CURRENT,
    /** The labourer has no known wage and the wage meets the wished minimum; figures: wage, wished minimum. */
    WAGE_MEETS_WISH,
    /** The labourer has neither a known wage nor a wished minimum; figure: the wage. */
    WAGE_OFFERED,
    /** The kind of work is one the labourer named; figure: the kind. */
    KIND_WISHED,
    /** The labourer named no kind, so any is wished; figure: the kind. */
    ANY_KIND_WISHED
}
