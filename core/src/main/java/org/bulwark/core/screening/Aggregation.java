package org.bulwark.core.screening;

/** How a feature folds a household's matching records into one value; every one is 0 (false) without records. */
enum Aggregation {
    /** Number of matching records. */
    COUNT(false),
    /** Whether any record matches (a flag). */
    ANY(false),
    /** Sum of the value over matching records, in record order. */
    SUM(true),
    /** Largest value. */
    MAX(true),
    /** Smallest value. */
    MIN(true),
    /** Value of the latest matching record (latest date, then latest position in the table). */
    LAST(true);

    private final boolean needsValue;

    Aggregation(boolean needsValue) {
        this.needsValue = needsValue;
    }

    boolean needsValue() {
        return needsValue;
    }

    FieldType resultType() {
        return this == ANY ? FieldType.FLAG : FieldType.NUMBER;
    }

    static Aggregation fromCode(String code) {
        return switch (code) {
            case "count" -> COUNT;
            case "any" -> ANY;
            case "sum" -> SUM;
            case "max" -> MAX;
            case "min" -> MIN;
            case "last" -> LAST;
            default -> null;
        };
    }
}
