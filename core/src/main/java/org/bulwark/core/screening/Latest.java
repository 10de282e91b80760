package org.bulwark.core.screening;

/** Whether a feature first keeps only the latest record in the window, per person or per household. */
enum Latest {
    NONE,
    PERSON,
    HOUSEHOLD;

    static Latest fromCode(String code) {
        return switch (code) {
            case "person" -> PERSON;
            case "household" -> HOUSEHOLD;
            default -> null;
        };
    }
}
