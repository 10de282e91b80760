package org.bulwark.core.screening;

/** Which way a rule looks: risk warnings (防漏评) or suspected misidentification (防错评). */
public enum Direction {
    /** Risk warning: a household (or an unregistered person) may need monitoring. */
    DOWN,
    /** Suspected misidentification: a monitored or assisted household whose data contradicts its status. */
    UP;

    static Direction parse(String text) {
        return switch (text) {
            case "down" -> DOWN;
            case "up" -> UP;
            default -> throw new IllegalArgumentException("direction must be down or up, not '" + text + "'");
        };
    }
}
