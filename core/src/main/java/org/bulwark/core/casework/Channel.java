package org.bulwark.core.casework;

/** How a risk was discovered (docs/policy.md §4). */
public enum Channel {
    /** a resident declared it: service window, hotline or the public form */
    SELF_DECLARATION,
    /** a cadre found it on a visit or in the yearly collective screening */
    GRASSROOTS_VISIT,
    /** a department warning that a cadre confirmed */
    DEPARTMENT_WARNING,
    /** a household under monitoring or observation whose helper proposes a decision (risk elimination) */
    MONITORING
}
