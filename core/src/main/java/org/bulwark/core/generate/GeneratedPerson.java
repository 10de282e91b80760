package org.bulwark.core.generate;

import java.time.LocalDate;
import org.bulwark.core.identity.Sex;
import org.bulwark.core.registry.Disability;
import org.bulwark.core.registry.Education;
import org.bulwark.core.registry.Employment;
import org.bulwark.core.registry.EmploymentPlace;
import org.bulwark.core.registry.Health;
import org.bulwark.core.registry.LabourCapacity;
import org.bulwark.core.registry.Relation;
import org.bulwark.core.registry.Schooling;

/**
 * One generated household member.
 *
 * @param idNumber         18-character identity number, unique within a run
 * @param employmentPlace  where an employed or self-employed person works; null for farming, unemployed or not working
 * @param employmentMonths months of wage or self-employment in the last year; 0 when not so employed
 * @param schooling        {@code DROPPED_OUT} only for compulsory ages (6–15); people past schooling are
 *                         {@code NOT_SCHOOL_AGE}
 * @param pensionInsured   in the resident pension scheme; only for people aged 16 or more who are not in school
 */
public record GeneratedPerson(
        String idNumber,
        String name,
        Sex sex,
        LocalDate birthDate,
        Relation relation,
        Education education,
        Health health,
        Disability disability,
        LabourCapacity labourCapacity,
        Employment employment,
        EmploymentPlace employmentPlace,
        int employmentMonths,
        Schooling schooling,
        boolean medicalInsured,
        boolean pensionInsured) {}
