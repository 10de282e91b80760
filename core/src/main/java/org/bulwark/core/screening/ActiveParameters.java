package org.bulwark.core.screening;

/**
 * The parameters of the active rule file for a province and year, for code outside screening that must ask the same
 * question as a rule (the industry module's at-risk list asks IND-02's): a core type, so that asking does not make a
 * module depend on screening.
 */
public interface ActiveParameters {

    /** The parameters of the province ("52", or "" for the defaults) and year. */
    Parameters parameters(String provinceCode, int year);
}
