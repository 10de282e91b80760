package org.bulwark.core.screening;

/**
 * Values a {@code where} or {@code value} expression can read besides the record's own fields: facts about the
 * record's person at the record's date, and the record's distance from the as-of date.
 */
enum RecordAttribute {
    /** The person's age in whole years on the record's date; -1 when unknown (no person, no birth date). */
    AGE("age", FieldType.NUMBER, false),
    /** Days from the record's date to the as-of date. */
    DAYS_BEFORE("days_before", FieldType.NUMBER, false),
    /** Whole calendar months from the record's date to the as-of date. */
    MONTHS_BEFORE("months_before", FieldType.NUMBER, false),
    /** The record's person is a current member of the household in the registry. */
    MEMBER("member", FieldType.FLAG, true),
    /** The record's person is a main labourer of the household (able-bodied, 16–64). */
    MAIN_LABOURER("main_labourer", FieldType.FLAG, true),
    /** The record's person is able to work. */
    ABLE_BODIED("able_bodied", FieldType.FLAG, true);

    private final String variable;
    private final FieldType type;
    private final boolean fromRegistry;

    RecordAttribute(String variable, FieldType type, boolean fromRegistry) {
        this.variable = variable;
        this.type = type;
        this.fromRegistry = fromRegistry;
    }

    String variable() {
        return variable;
    }

    FieldType type() {
        return type;
    }

    /** Whether only the registry knows it, so that it means nothing for a person who is not registered. */
    boolean fromRegistry() {
        return fromRegistry;
    }
}
