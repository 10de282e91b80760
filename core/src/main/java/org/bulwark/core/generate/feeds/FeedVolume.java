package org.bulwark.core.generate.feeds;

/**
 * How many optional records to draw so that a run meets its records-per-person target: medical settlements first (up
 * to two thirds of all records, as in real feeds), then repeated water-monitoring checks.
 *
 * @param settlementsPerPerson mean medical settlements per registered person over 24 months
 * @param waterChecksPerPerson mean extra water-monitoring records per registered person over 12 months
 */
record FeedVolume(double settlementsPerPerson, double waterChecksPerPerson) {

    /**
     * Routine records per person other than settlements and extra water checks, as measured on generated registries
     * (enrolment, pension, school, employment, certificates, household-level records…); a test keeps it honest.
     */
    static final double ROUTINE_PER_PERSON = 3.1;
    /** Even a small feed has some settlements (about 0.8 a person): most people see a doctor now and then. */
    static final double MIN_SETTLEMENTS_PER_PERSON = FeedSettings.ROUTINE_FLOOR - ROUTINE_PER_PERSON;

    private static final double SETTLEMENT_SHARE = 2.0 / 3.0;

    /** The volume that meets {@code recordsPerPerson} as closely as the routine floor allows. */
    static FeedVolume of(double recordsPerPerson) {
        double beyondRoutine = Math.max(0, recordsPerPerson - ROUTINE_PER_PERSON);
        double settlements =
                Math.max(MIN_SETTLEMENTS_PER_PERSON, Math.min(beyondRoutine, recordsPerPerson * SETTLEMENT_SHARE));
        double water = Math.max(0, beyondRoutine - settlements);
        return new FeedVolume(settlements, water);
    }
}
