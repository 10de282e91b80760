package org.bulwark.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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

        // the village holds other tests' households too, more than one page of them: walk the pages
        List<HouseholdsBehind.Listed> listed = new ArrayList<>();
        for (int number = 0; ; number++) {
            int n = number;
            var page = fixtures.as(cadre, () -> householdsBehind.page("registry.households", null, null, null, n, 200));
            listed.addAll(page.households());
            if (!page.more()) {
                break;
            }
        }
        assertThat(listed)
                .filteredOn(h -> h.id() == household.id())
                .singleElement()
                .satisfies(h -> {
                    assertThat(h.householdNumber()).isEqualTo(household.householdNumber());
                    assertThat(h.villageName()).isEqualTo(village);
                    assertThat(h.townshipName()).isEqualTo(township);
                    assertThat(h.headName()).isEqualTo(head);
                    assertThat(h.members()).isEqualTo(2);
                });
        assertThat(listed).allSatisfy(h -> assertThat(h.villageName()).isEqualTo(village));
    }
}
