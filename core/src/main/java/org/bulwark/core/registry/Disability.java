package org.bulwark.core.registry;

/** Disability grade (1 is the most severe), or none. */
public enum Disability {
    NONE,
    GRADE_1,
    GRADE_2,
    GRADE_3,
    GRADE_4
}
