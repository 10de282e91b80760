package org.bulwark.core.screening;

import java.util.Locale;

/** Severity of a warning, red the most severe. */
public enum WarningLevel {
    RED,
    ORANGE,
    YELLOW;

    /** The level for its lower-case name in a rule file, or {@code null} when the text names none. */
    static WarningLevel fromCode(String code) {
        for (WarningLevel level : values()) {
            if (level.code().equals(code)) {
                return level;
            }
        }
        return null;
    }

    /** The lower-case name used in rule files. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
