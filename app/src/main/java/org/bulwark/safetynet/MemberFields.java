package org.bulwark.safetynet;

import java.time.LocalDate;
import java.time.Period;
import org.bulwark.core.registry.Schooling;

/** What the guarantees read of a registered member: birth date, schooling and the medical-insurance flag. */
record MemberFields(long personId, LocalDate birthDate, Schooling schooling, boolean insured) {

    int age(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }
}
