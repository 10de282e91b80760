package org.bulwark.core.screening;

/** Where a parameter's value for a province and year comes from, in the order the rule file resolves it. */
public enum ParameterSource {
    /** the rule file's {@code default} */
    FILE_DEFAULT,
    /** the province's own {@code default} */
    PROVINCE_DEFAULT,
    /** the province's values for that year */
    PROVINCE_YEAR
}
