package org.bulwark.core.registry;

/** Where a person works: in the county, elsewhere in the province, or out of the province. */
public enum EmploymentPlace {
    IN_COUNTY,
    IN_PROVINCE,
    OUT_OF_PROVINCE
}
