package org.bulwark.casework;

/**
 * The casework figures of a region for a period, in the form the programme reports: "1,421 households (5,882 persons)
 * identified; risk eliminated for 909 households (3,816 persons)". Persons are the households' current members.
 *
 * @param identifiedHouseholds households identified (or identified again after a return of risk) in the period
 * @param eliminatedHouseholds households whose risk was eliminated in the period and still is
 * @param monitoredHouseholds  households under monitoring now
 * @param reenteredHouseholds  households identified again in the period after an elimination
 */
public record CaseFigures(
        String regionCode,
        String regionName,
        long identifiedHouseholds,
        long identifiedPersons,
        long eliminatedHouseholds,
        long eliminatedPersons,
        long monitoredHouseholds,
        long monitoredPersons,
        long reenteredHouseholds) {}
