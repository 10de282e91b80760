package org.bulwark.core.screening;

/** What a department data category's records are keyed by. */
enum CategoryKey {
    /** A resident identity number: the record belongs to one person (and through them to a household). */
    PERSON,
    /** A household number. */
    HOUSEHOLD,
    /** A village code (or a household number): a village-wide record applies to every household of the village. */
    VILLAGE;

    static CategoryKey fromCode(String code) {
        return switch (code) {
            case "person" -> PERSON;
            case "household" -> HOUSEHOLD;
            case "village" -> VILLAGE;
            default -> null;
        };
    }
}
