package org.bulwark.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.region.Regions;
import org.bulwark.statistics.HouseholdsBehind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The registry's lists — a search, the households behind a dashboard figure — show each household with its head, its
 * size, and the names of its village and township, which the region module keeps.
 */
@DatabaseTest
class HouseholdListsNameTheirPlacesTest {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Registry registry;

    @Autowired
    HouseholdsBehind householdsBehind;

    @Autowired
    Regions regions;

    @Test
    void aSearchAndAFiguresHouseholdsNameTheVillageTownshipHeadAndSize() {
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        HouseholdFile file = fixtures.household(
                cadre, TestFixtures.VILLAGE_A, TestFixtures.person("测试配偶", TestFixtures.newIdNumber(), "SPOUSE"));
        Household household = file.household();
        String head = file.head().orElseThrow().name();
        String village = regions.nameOf(TestFixtures.VILLAGE_A);
        String township = regions.nameOf(TestFixtures.TOWNSHIP);
        assertThat(village).isNotEqualTo(TestFixtures.VILLAGE_A);
        assertThat(township).isNotEqualTo(TestFixtures.TOWNSHIP);

        HouseholdPage found = fixtures.as(
                cadre, () -> registry.search(new HouseholdSearch(household.householdNumber(), null, null, 0, 20)));
        assertThat(found.items()).singleElement().satisfies(h -> {
            assertThat(h.id()).isEqualTo(household.id());
            assertThat(h.villageName()).isEqualTo(village);
            assertThat(h.townshipName()).isEqualTo(township);
            assertThat(h.headName()).isEqualTo(head);
            assertThat(h.members()).isEqualTo(2);
        });

        var page = fixtures.as(cadre, () -> householdsBehind.page("registry.households", null, null, null, 0, 200));
        assertThat(page.households())
                .filteredOn(h -> h.id() == household.id())
                .singleElement()
                .satisfies(h -> {
                    assertThat(h.householdNumber()).isEqualTo(household.householdNumber());
                    assertThat(h.villageName()).isEqualTo(village);
                    assertThat(h.townshipName()).isEqualTo(township);
                    assertThat(h.headName()).isEqualTo(head);
                    assertThat(h.members()).isEqualTo(2);
                });
        assertThat(page.households())
                .allSatisfy(h -> assertThat(h.villageName()).isEqualTo(village));
    }
}
