package org.bulwark.core.casework;

/**
 * The kinds of step a procedure is made of (docs/policy.md §4). Which of them a province uses, in which order and with
 * which time limits is configuration ({@link ProcedureDefinition}); what each step requires before it can pass is here.
 */
public enum Step {
    /** the cadre visits; the household signs the commitment-and-authorisation to check its assets */
    HOME_VERIFICATION,
    /** the county compares the household's declarations with department data */
    DATA_COMPARISON,
    /** the village's democratic review meeting */
    VILLAGE_REVIEW,
    /** the public notice in the village, at least a configured number of days */
    PUBLIC_NOTICE,
    /** the township reviews the file */
    TOWNSHIP_REVIEW,
    /** the county approves: the decision */
    COUNTY_APPROVAL
}
