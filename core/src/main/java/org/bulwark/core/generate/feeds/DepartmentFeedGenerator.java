package org.bulwark.core.generate.feeds;

import java.util.Iterator;
import java.util.Objects;
import java.util.SplittableRandom;
import org.bulwark.core.generate.GeneratedHousehold;
import org.bulwark.core.generate.GeneratedPerson;

/**
 * Generates the department data feeds of a generated registry: for every household the routine records the
 * departments would hold about it, for {@code riskShare} of households exactly one risk event that trips a downward
 * rule, for {@code contradictionShare} of formerly-poor or monitored households one record that contradicts their
 * status (an upward rule), and at the end records about residents the registry misses.
 *
 * <p>Streams: each household's rows are written before the next household is read, and only a bit set of the
 * identity numbers seen is kept (a few megabytes per county), so millions of households need no more memory than
 * ten. Each household draws from its own random source, derived from the seed and its household number, so the same
 * seed and households always give the same rows in the same order — and a household's rows do not depend on the
 * households before it.
 */
public final class DepartmentFeedGenerator {

    private static final long HOUSEHOLD_STREAM = 0x484F555345L;

    private final FeedSettings settings;
    private final FeedCalendar calendar;
    private final FeedVolume volume;

    /** A generator with these settings. */
    public DepartmentFeedGenerator(FeedSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.calendar = new FeedCalendar(settings.asOf());
        this.volume = FeedVolume.of(settings.recordsPerPerson());
    }

    /** The settings this generator uses. */
    public FeedSettings settings() {
        return settings;
    }

    /**
     * Writes the feeds of these households to the sink, household by household, then the records of unregistered
     * residents. The households must have been generated for a reference day on or before the as-of day.
     */
    public void generate(Iterator<GeneratedHousehold> households, FeedSink sink) {
        Objects.requireNonNull(households, "households");
        Objects.requireNonNull(sink, "sink");
        RegisteredNumbers numbers = new RegisteredNumbers();
        while (households.hasNext()) {
            GeneratedHousehold household = households.next();
            write(household, sink);
            for (GeneratedPerson person : household.members()) {
                numbers.add(person.idNumber());
            }
        }
        new UnregisteredResidents(settings, calendar).write(numbers, sink);
    }

    private void write(GeneratedHousehold household, FeedSink sink) {
        requireBornByAsOf(household);
        SplittableRandom root = Draws.source(settings.seed(), HOUSEHOLD_STREAM, Draws.key(household.householdNumber()));
        // separate sources for deciding, routine and planting: a change to one does not reshuffle the others
        SplittableRandom decisions = root.split();
        SplittableRandom routine = root.split();
        SplittableRandom planted = root.split();
        HouseholdFeed feed = new HouseholdFeed(household, calendar, volume, sink);

        boolean risky = Draws.chance(decisions, settings.riskShare());
        boolean contradicting = Draws.chance(decisions, settings.contradictionShare()) && feed.assisted();
        // the contradiction's member is chosen first, so that no risk event (a death) can take them away
        Contradiction contradiction = contradicting ? Contradiction.pick(feed, decisions) : null;
        int contradictionMember = -1;
        if (contradiction != null) {
            contradictionMember = contradiction.reserve(feed, planted);
            feed.reserveContradiction(contradictionMember);
        }
        RiskEvent risk = risky ? RiskEvent.pick(feed, decisions) : null;
        int riskMember = risk == null ? -1 : risk.reserve(feed, planted);

        long taxed = 0;
        for (int i = 0; i < feed.size(); i++) {
            HealthRoutine.write(feed, i, routine);
            SchoolRoutine.write(feed, i, routine);
            taxed = LabourRoutine.write(feed, i, taxed, routine);
        }
        HouseholdRoutine.write(feed, routine);
        AssetRoutine.write(feed, routine);

        if (risk != null) {
            risk.plant(feed, riskMember, planted);
        }
        if (contradiction != null) {
            contradiction.plant(feed, contradictionMember, planted);
        }
    }

    private void requireBornByAsOf(GeneratedHousehold household) {
        for (GeneratedPerson person : household.members()) {
            // records of someone not yet born would have no valid dates
            if (person.birthDate().isAfter(settings.asOf())) {
                throw new IllegalArgumentException("household " + household.householdNumber() + " has a member born on "
                        + person.birthDate() + ", after the as-of day " + settings.asOf()
                        + ": generate the registry for a reference day on or before it");
            }
        }
    }
}
