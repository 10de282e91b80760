package org.bulwark.core.screening;

import java.time.DateTimeException;
import java.time.LocalDate;

/** The birth date in positions 7–14 of an 18-character identity number, read without the full validity check. */
final class IdentityBirthDate {

    private IdentityBirthDate() {}

    /** The birth date as an epoch day, or {@link PersonTable#UNKNOWN_DAY} when the text holds no date there. */
    static int epochDay(String idNumber) {
        if (idNumber == null || idNumber.length() != 18) {
            return PersonTable.UNKNOWN_DAY;
        }
        int value = 0;
        for (int i = 6; i < 14; i++) {
            char c = idNumber.charAt(i);
            if (c < '0' || c > '9') {
                return PersonTable.UNKNOWN_DAY;
            }
            value = value * 10 + (c - '0');
        }
        try {
            return (int)
                    LocalDate.of(value / 10000, value / 100 % 100, value % 100).toEpochDay();
        } catch (DateTimeException e) {
            return PersonTable.UNKNOWN_DAY;
        }
    }
}
