package org.bulwark.core.casework;

/** What a person deciding a step can say. */
public enum Decision {
    /** the step is done and the case moves on */
    PASS,
    /** the case ends here: not identified, or risk not eliminated */
    REJECT
}
