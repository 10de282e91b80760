package org.bulwark.employment;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.bulwark.TestFixtures;
import org.bulwark.core.identity.IdentityNumber;
import org.bulwark.core.identity.Sex;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.platform.DurableEvents;
import org.bulwark.registry.HouseholdChanged;
import org.bulwark.registry.HouseholdFile;
import org.bulwark.registry.HouseholdInput;
import org.bulwark.registry.PersonInput;
import org.bulwark.registry.Registry;
import org.springframework.stereotype.Component;

/** Households of a category with members of given ages and labour capacities, for the labour registry's tests. */
@Component
class EmploymentFixtures {

    // identity numbers of a district no generator fills, from a random start: unique on a shared database too
    private static final AtomicInteger SEQUENCE =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(0, 500));

    private final TestFixtures fixtures;
    private final Registry registry;
    private final DurableEvents events;
    private final Clock clock;

    EmploymentFixtures(TestFixtures fixtures, Registry registry, DurableEvents events, Clock clock) {
        this.fixtures = fixtures;
        this.registry = registry;
        this.events = events;
        this.clock = clock;
    }

    /** A member whose age today is exactly {@code years} (born on today's date that many years ago, or a day later). */
    PersonInput member(int years, boolean dayBeforeBirthday, String capacity, String relation) {
        LocalDate born = LocalDate.now(clock).minusYears(years);
        if (dayBeforeBirthday) {
            born = born.plusDays(1);
        }
        String id = IdentityNumber.compose("110105", born, (SEQUENCE.incrementAndGet() * 2) % 998, Sex.FEMALE)
                .value();
        return new PersonInput(
                "劳力" + SEQUENCE.get(),
                id,
                relation,
                null,
                null,
                "PRIMARY",
                "HEALTHY",
                "NONE",
                capacity,
                "FARMING",
                null,
                0,
                "NOT_SCHOOL_AGE",
                true,
                true);
    }

    PersonInput adult(String capacity) {
        return member(30, false, capacity, "CHILD");
    }

    /** Registers the household and waits until the labour registry followed it. */
    HouseholdFile household(BulwarkUser editor, String village, String category, List<PersonInput> members) {
        HouseholdFile file = fixtures.as(
                editor, () -> registry.register(new HouseholdInput(village, category, "第2组", null), members));
        awaitFollowed();
        return file;
    }

    void awaitFollowed() {
        if (!events.awaitCompletion(HouseholdChanged.class, e -> true, Duration.ofMinutes(1))) {
            throw new IllegalStateException("the labour registry did not follow a household change");
        }
    }
}
