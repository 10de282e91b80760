package org.bulwark.core.employment;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Skills and kinds of work as bit masks, and one shared unmodifiable set per mask: a province holds millions of
 * labourers with a few hundred distinct skill sets, so sharing keeps the heap small and the masks make the matching
 * test a single {@code &}.
 */
final class EnumMasks {

    private static final Skill[] SKILLS = Skill.values();
    private static final WorkKind[] KINDS = WorkKind.values();

    @SuppressWarnings("unchecked")
    private static final Set<Skill>[] SKILL_SETS = new Set[1 << SKILLS.length];

    @SuppressWarnings("unchecked")
    private static final Set<WorkKind>[] KIND_SETS = new Set[1 << KINDS.length];

    static {
        for (int mask = 0; mask < SKILL_SETS.length; mask++) {
            EnumSet<Skill> set = EnumSet.noneOf(Skill.class);
            for (Skill s : SKILLS) {
                if ((mask & (1 << s.ordinal())) != 0) {
                    set.add(s);
                }
            }
            SKILL_SETS[mask] = Collections.unmodifiableSet(set);
        }
        for (int mask = 0; mask < KIND_SETS.length; mask++) {
            EnumSet<WorkKind> set = EnumSet.noneOf(WorkKind.class);
            for (WorkKind k : KINDS) {
                if ((mask & (1 << k.ordinal())) != 0) {
                    set.add(k);
                }
            }
            KIND_SETS[mask] = Collections.unmodifiableSet(set);
        }
    }

    /** Every kind of work: the mask of a wish that names none. */
    static final int ALL_KINDS = KIND_SETS.length - 1;

    private EnumMasks() {}

    static int skillMask(Set<Skill> skills) {
        int mask = 0;
        for (Skill s : skills) {
            mask |= 1 << s.ordinal();
        }
        return mask;
    }

    static int kindMask(Set<WorkKind> kinds) {
        int mask = 0;
        for (WorkKind k : kinds) {
            mask |= 1 << k.ordinal();
        }
        return mask;
    }

    static int kindBit(WorkKind kind) {
        return 1 << kind.ordinal();
    }

    /** The shared unmodifiable set holding {@code skills}. */
    static Set<Skill> skills(Set<Skill> skills) {
        return SKILL_SETS[skillMask(skills)];
    }

    /** The shared unmodifiable set holding {@code kinds}. */
    static Set<WorkKind> kinds(Set<WorkKind> kinds) {
        return KIND_SETS[kindMask(kinds)];
    }
}
