package org.bulwark.core.generate.feeds;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What department feeds to generate for a registry.
 *
 * @param seed               seed of every random draw; the same seed and households give the same rows
 * @param asOf               the day the feeds are sent: no record is dated after it (except due and end dates), and
 *                           "this year", "the last 12 months" and "this school year" are counted back from it
 * @param riskShare          share of households given exactly one risk event that trips a downward rule, e.g. 0.08
 * @param contradictionShare share of formerly-poor or monitored households given one record contradicting their
 *                           status (an upward rule), e.g. 0.01
 * @param unregisteredShare  residents the registry misses, as a share of its persons, e.g. 0.02; they get records too
 * @param recordsPerPerson   the average number of records per registered person to aim at; medical settlements
 *                           (and, beyond them, water-monitoring records) grow or shrink to meet it, but the routine
 *                           records every department keeps set a floor of about {@value #ROUTINE_FLOOR}
 */
public record FeedSettings(
        long seed,
        LocalDate asOf,
        double riskShare,
        double contradictionShare,
        double unregisteredShare,
        double recordsPerPerson) {

    /** The volume for demos, below the floor so demos get the least; a benchmark asks for about 10. */
    public static final double DEMO_RECORDS_PER_PERSON = 3.0;

    /**
     * About the fewest records per person a run produces, whatever it asks for: the routine records every department
     * keeps (enrolment, pension, school rolls, water checks…) and a few medical settlements.
     */
    public static final double ROUTINE_FLOOR = 3.9;

    /** Earliest as-of day: the oldest generated dates reach about 30 years back, and the import starts at 1900. */
    public static final LocalDate EARLIEST_AS_OF = LocalDate.of(2000, 1, 1);

    private static final double MAX_RECORDS_PER_PERSON = 100;

    /** Validates every field. */
    public FeedSettings {
        Objects.requireNonNull(asOf, "asOf");
        if (asOf.isBefore(EARLIEST_AS_OF)) {
            throw new IllegalArgumentException("asOf must be on or after " + EARLIEST_AS_OF);
        }
        requireShare("riskShare", riskShare);
        requireShare("contradictionShare", contradictionShare);
        requireShare("unregisteredShare", unregisteredShare);
        if (!(recordsPerPerson > 0 && recordsPerPerson <= MAX_RECORDS_PER_PERSON)) {
            throw new IllegalArgumentException(
                    "recordsPerPerson must be above 0 and at most " + MAX_RECORDS_PER_PERSON);
        }
    }

    /** Settings with the demo volume of {@value #DEMO_RECORDS_PER_PERSON} records per person. */
    public FeedSettings(
            long seed, LocalDate asOf, double riskShare, double contradictionShare, double unregisteredShare) {
        this(seed, asOf, riskShare, contradictionShare, unregisteredShare, DEMO_RECORDS_PER_PERSON);
    }

    /** The same settings aiming at another volume. */
    public FeedSettings withRecordsPerPerson(double target) {
        return new FeedSettings(seed, asOf, riskShare, contradictionShare, unregisteredShare, target);
    }

    private static void requireShare(String name, double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, not " + share);
        }
    }
}
