package org.bulwark.core.exchange;

/** The type of a category's field, which decides how a cell is parsed and which Java type its value has. */
public enum FieldType {
    /** free text, a {@link String} */
    TEXT,
    /** a whole number, a {@link Long} */
    INTEGER,
    /** a number with an optional fraction, a {@link java.math.BigDecimal} */
    DECIMAL,
    /** a calendar date, a {@link java.time.LocalDate} */
    DATE,
    /** yes or no, a {@link Boolean} */
    BOOLEAN,
    /** one of a fixed list of codes, the code as a {@link String} */
    CHOICE;

    /** Whether min and max apply. */
    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL;
    }
}
