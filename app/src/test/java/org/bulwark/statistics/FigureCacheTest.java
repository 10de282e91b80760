package org.bulwark.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Figures are computed once while nothing changes, and a change is in the very next view. */
@DatabaseTest
class FigureCacheTest {

    @Autowired
    FigureCache cache;

    @Autowired
    Dashboard dashboard;

    @Autowired
    TestFixtures fixtures;

    @Test
    void aFigureIsComputedOnceUntilTheDatabaseChanges() {
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        AtomicInteger computed = new AtomicInteger();
        String before = cache.stamp();
        assertThat(before).isNotBlank();
        cache.get(before, "test", "q", computed::incrementAndGet);
        cache.get(before, "test", "q", computed::incrementAndGet);
        assertThat(computed).hasValue(1);
        cache.get(before, "test", "other query", computed::incrementAndGet);
        assertThat(computed).hasValue(2);

        fixtures.household(cadre, TestFixtures.VILLAGE_A);
        String after = cache.stamp();
        assertThat(after).isNotEqualTo(before);
        cache.get(after, "test", "q", computed::incrementAndGet);
        assertThat(computed).as("computed again after a change").hasValue(3);
    }

    @Test
    void aHouseholdRegisteredBetweenTwoViewsIsCountedInTheSecond() {
        BulwarkUser county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        long first = households(county);
        assertThat(households(county)).isEqualTo(first);
        fixtures.household(county, TestFixtures.VILLAGE_A);
        assertThat(households(county)).isEqualTo(first + 1);
    }

    /** The county's households: townships are not villages, their figures are never suppressed. */
    private long households(BulwarkUser user) {
        DashboardView view = fixtures.as(user, () -> dashboard.view(TestFixtures.COUNTY, null, Locale.CHINA));
        return view.table("registry").total().cells().stream()
                .filter(c -> c.measure().id().equals("registry.households"))
                .findFirst()
                .orElseThrow()
                .value()
                .longValue();
    }
}
