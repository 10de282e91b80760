package org.bulwark.registry;

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

/** A person of a household. */
public record Person(
        long id,
        long householdId,
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
        Integer employmentMonths,
        Schooling schooling,
        boolean medicalInsured,
        boolean pensionInsured,
        int version) {}
