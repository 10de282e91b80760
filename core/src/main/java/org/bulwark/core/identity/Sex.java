package org.bulwark.core.identity;

/** Sex as encoded in the 17th digit of a resident identity number. */
public enum Sex {
    MALE,
    FEMALE
}
