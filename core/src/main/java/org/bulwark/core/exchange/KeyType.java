package org.bulwark.core.exchange;

/** What a department record is keyed by, and the conventional field that carries the key. */
public enum KeyType {
    /** a resident identity number (18 characters) */
    PERSON("id_number"),
    /** a household number (16 digits: the 12-digit village code and a 4-digit sequence) */
    HOUSEHOLD("household_number"),
    /** a 12-digit village code */
    VILLAGE("village_code");

    private final String field;

    KeyType(String field) {
        this.field = field;
    }

    /** The name of the field that carries this key in every category. */
    public String field() {
        return field;
    }
}
