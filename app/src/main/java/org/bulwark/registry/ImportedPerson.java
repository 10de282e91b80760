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

/**
 * A person as a bulk import stores them: checked and typed already (identity number valid, sex and birth date those
 * of the number). {@code id} is the registry's person to change, or null for a new one.
 */
public record ImportedPerson(
        Long id,
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
        boolean pensionInsured) {

    /** The same person as the registry's {@code id}. */
    public ImportedPerson withId(Long id) {
        return new ImportedPerson(
                id,
                idNumber,
                name,
                sex,
                birthDate,
                relation,
                education,
                health,
                disability,
                labourCapacity,
                employment,
                employmentPlace,
                employmentMonths,
                schooling,
                medicalInsured,
                pensionInsured);
    }
}
