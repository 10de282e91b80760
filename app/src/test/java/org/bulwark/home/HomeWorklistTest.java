package org.bulwark.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Each role's worklist on the home page, in its order: the modules' work that waits, the most overdue first (then
 * casework, warnings, batches, locked accounts), then the pages the role looks after in a fixed order. Other tests
 * share the database, so what is overdue varies: the order is checked against the overdue figures the page shows.
 */
@DatabaseTest
class HomeWorklistTest {

    private static final Pattern ITEM =
            Pattern.compile("<a href=\"([^\"]*)\" class=\"list-group-item.*?</a>", Pattern.DOTALL);
    private static final Pattern OVERDUE = Pattern.compile("text-bg-danger me-1\">\\D*(\\d+)");
    private static final String PROVINCE = "520000000000";
    private static final String PREFECTURE = "522300000000";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    record Item(String link, long overdue) {

        /** The module's place among tasks: casework, warnings, department batches, locked accounts. */
        int place() {
            return link.startsWith("/warnings")
                    ? 2
                    : link.startsWith("/exchange") ? 3 : link.startsWith("/users") ? 4 : 1;
        }
    }

    private List<Item> worklist(Role role, String region) throws Exception {
        String page = mvc.perform(get("/").with(user(fixtures.user(role, region))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // the worklist ends at the search box; the privileged administrators, who read no households, have none
        int end = page.indexOf("role=\"search\"");
        String list = page.substring(page.indexOf("id=\"worklist\""), end < 0 ? page.length() : end);
        List<Item> items = new ArrayList<>();
        Matcher m = ITEM.matcher(list);
        while (m.find()) {
            Matcher overdue = OVERDUE.matcher(m.group());
            items.add(
                    new Item(m.group(1).replace("&amp;", "&"), overdue.find() ? Long.parseLong(overdue.group(1)) : 0));
        }
        return items;
    }

    /** The links of the worklist, after checking that its tasks come in order and its pages after them. */
    private List<String> links(Role role, String region, List<String> pages) throws Exception {
        List<Item> items = worklist(role, region);
        List<Item> tasks = items.subList(0, items.size() - pages.size());
        assertThat(items.subList(tasks.size(), items.size()).stream()
                        .map(Item::link)
                        .toList())
                .containsExactlyElementsOf(pages);
        for (int i = 1; i < tasks.size(); i++) {
            Item before = tasks.get(i - 1);
            Item after = tasks.get(i);
            assertThat(before.overdue()).as(before + " before " + after).isGreaterThanOrEqualTo(after.overdue());
            if (before.overdue() == after.overdue()) {
                assertThat(before.place()).as(before + " before " + after).isLessThanOrEqualTo(after.place());
            }
        }
        return items.stream().map(Item::link).toList();
    }

    @Test
    void aHelperSeesTheirHouseholdsAndTheDashboard() throws Exception {
        // lost work shows only while someone of the village lost work, which other tests' labourers decide here;
        // MatchingAndReferralsTest covers that item
        assertThat(links(Role.HELPER, TestFixtures.VILLAGE_A, List.of("/dashboard")).stream()
                        .filter(link -> !link.equals("/employment/lost-work")))
                .containsExactly("/visits", "/dashboard");
    }

    @Test
    void aVillageCadreSeesDeclarationsStepsVisitsAndWarnings() throws Exception {
        List<String> links = links(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A, List.of("/dashboard"));
        assertThat(links)
                .contains("/declarations")
                .anyMatch(l -> l.startsWith("/warnings"))
                .doesNotContain("/exchange", "/rules", "/cases?overdue=true")
                .anyMatch(l -> l.startsWith("/visits"))
                .anyMatch(l -> l.startsWith("/cases?step="));
    }

    @Test
    void aCountyApproverSeesCaseworkWarningsBatchesThenItsPages() throws Exception {
        List<String> links = links(
                Role.COUNTY_APPROVER,
                TestFixtures.COUNTY,
                List.of("/rules", "/screening", "/screening#shadow", "/audit", "/dashboard"));
        assertThat(links)
                .contains("/declarations", "/cases?overdue=true", "/exchange")
                .anyMatch(l -> l.startsWith("/warnings"))
                .doesNotContain("/users", "/users?state=LOCKED");
    }

    @Test
    void administratorsSeeBatchesThenTheirPagesInOrder() throws Exception {
        // accounts are the system and security administrators' work (separation of duties), not theirs
        List<String> pages = List.of("/rules", "/screening", "/screening#shadow", "/audit", "/dashboard");
        assertThat(links(Role.PROVINCE_ADMIN, PROVINCE, pages))
                .containsExactly("/exchange", "/rules", "/screening", "/screening#shadow", "/audit", "/dashboard");
        assertThat(links(Role.PREFECTURE_ADMIN, PREFECTURE, pages))
                .containsExactly("/exchange", "/rules", "/screening", "/screening#shadow", "/audit", "/dashboard");
    }

    @Test
    void privilegedAdministratorsSeeOnlyTheirDuty() throws Exception {
        assertThat(links(Role.SYSTEM_ADMIN, PROVINCE, List.of("/users")))
                .containsExactly("/users?state=LOCKED", "/users");
        assertThat(links(Role.SECURITY_ADMIN, PROVINCE, List.of("/users")))
                .containsExactly("/users?state=LOCKED", "/users");
        assertThat(links(Role.AUDIT_ADMIN, PROVINCE, List.of("/audit"))).containsExactly("/audit");
    }

    @Test
    void departmentOfficersAndLeadersSeeWhatTheirRoleDoes() throws Exception {
        assertThat(links(Role.DEPARTMENT_OFFICER, TestFixtures.COUNTY, List.of("/dashboard")))
                .containsExactly("/exchange", "/dashboard");
        assertThat(links(Role.LEADER, TestFixtures.COUNTY, List.of("/dashboard")))
                .containsExactly("/dashboard");
    }
}
