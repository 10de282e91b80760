package org.bulwark.registry.web;

import org.bulwark.core.registry.Disability;
import org.bulwark.core.registry.Education;
import org.bulwark.core.registry.Employment;
import org.bulwark.core.registry.EmploymentPlace;
import org.bulwark.core.registry.Health;
import org.bulwark.core.registry.HouseholdCategory;
import org.bulwark.core.registry.LabourCapacity;
import org.bulwark.core.registry.Relation;
import org.bulwark.core.registry.Schooling;

/** The choices offered by the registry's forms. */
record FormOptions(
        HouseholdCategory[] categories,
        Relation[] relations,
        Education[] educations,
        Health[] healths,
        Disability[] disabilities,
        LabourCapacity[] labourCapacities,
        Employment[] employments,
        EmploymentPlace[] employmentPlaces,
        Schooling[] schoolings) {

    static final FormOptions ALL = new FormOptions(
            HouseholdCategory.values(),
            Relation.values(),
            Education.values(),
            Health.values(),
            Disability.values(),
            LabourCapacity.values(),
            Employment.values(),
            EmploymentPlace.values(),
            Schooling.values());
}
