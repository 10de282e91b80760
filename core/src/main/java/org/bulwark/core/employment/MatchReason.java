package org.bulwark.core.employment;

import java.util.Set;

/** One reason a match was made, with its figures; {@link #kind()} names the words a page shows for it. */
public sealed interface MatchReason {

    /** The kind of reason, for the page's words. */
    MatchReasonKind kind();

    /** The distance from home through the region tree. */
    record Distance(Reach reach) implements MatchReason {
        @Override
        public MatchReasonKind kind() {
            return MatchReasonKind.WITHIN_REACH;
        }
    }

    /** The posting's required skills, all held by the labourer (empty: none required). */
    record SkillsUsed(Set<Skill> skills) implements MatchReason {
        @Override
        public MatchReasonKind kind() {
            return skills.isEmpty() ? MatchReasonKind.NO_SKILL_NEEDED : MatchReasonKind.SKILLS_USED;
        }
    }

    /**
     * The posting's wage set against the labourer's current wage, else the wished minimum, else nothing.
     *
     * @param current the current monthly wage, null when none is known
     * @param wished the wished minimum, null when none was said
     */
    record Wage(int wage, Integer current, Integer wished) implements MatchReason {
        @Override
        public MatchReasonKind kind() {
            if (current != null) {
                return wage > current ? MatchReasonKind.WAGE_ABOVE_CURRENT : MatchReasonKind.WAGE_NOT_ABOVE_CURRENT;
            }
            return wished != null ? MatchReasonKind.WAGE_MEETS_WISH : MatchReasonKind.WAGE_OFFERED;
        }
    }

    /** The kind of work, and whether the labourer named it or named none. */
    record KindOfWork(WorkKind work, boolean named) implements MatchReason {
        @Override
        public MatchReasonKind kind() {
            return named ? MatchReasonKind.KIND_WISHED : MatchReasonKind.ANY_KIND_WISHED;
        }
    }
}
