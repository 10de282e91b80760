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
 * Each role's worklist on the home page, in its order: the modules' items with overdue work first, then the pages the
 * role looks after. Guards the worklist while its items come from the modules' providers.
 */
@DatabaseTest
class HomeWorklistTest {

    private static final Pattern LINK = Pattern.compile("<a href=\"([^\"]*)\" class=\"list-group-item");
    private static final String PROVINCE = "520000000000";
    private static final String PREFECTURE = "522300000000";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestFixtures fixtures;

    private List<String> worklist(Role role, String region) throws Exception {
        String page = mvc.perform(get("/").with(user(fixtures.user(role, region)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String list = page.substring(page.indexOf("id=\"worklist\""));
        list = list.substring(0, list.indexOf("</div>"));
        List<String> links = new ArrayList<>();
        Matcher m = LINK.matcher(list);
        while (m.find()) {
            links.add(m.group(1).replace("&amp;", "&"));
        }
        return links;
    }

    @Test
    void aHelperSeesTheirHouseholdsAndTheDashboard() throws Exception {
        assertThat(worklist(Role.HELPER, TestFixtures.VILLAGE_A)).containsExactly("/visits", "/dashboard");
    }

    @Test
    void aVillageCadreSeesDeclarationsStepsVisitsAndWarnings() throws Exception {
        List<String> links = worklist(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        assertThat(links.get(0)).isEqualTo("/declarations");
        assertThat(links.subList(links.size() - 3, links.size())).containsExactly("/visits", "/warnings", "/dashboard");
        assertThat(links.subList(1, links.size() - 3)).allMatch(l -> l.startsWith("/cases?step="));
    }

    @Test
    void aCountyApproverSeesCaseworkWarningsBatchesThenItsPages() throws Exception {
        List<String> links = worklist(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        assertThat(links.get(0)).isEqualTo("/declarations");
        assertThat(links.subList(links.size() - 8, links.size())).containsExactly("/cases?overdue=true",
                "/warnings", "/exchange", "/rules", "/screening", "/screening#shadow", "/audit", "/dashboard");
        assertThat(links.subList(1, links.size() - 8)).allMatch(l -> l.startsWith("/cases?step="));
    }

    @Test
    void administratorsSeeBatchesLockedAccountsThenTheirPagesInOrder() throws Exception {
        List<String> expected = List.of("/exchange", "/users?state=LOCKED", "/rules", "/users", "/screening",
                "/screening#shadow", "/audit", "/dashboard");
        assertThat(worklist(Role.PROVINCE_ADMIN, PROVINCE)).containsExactlyElementsOf(expected);
        assertThat(worklist(Role.PREFECTURE_ADMIN, PREFECTURE)).containsExactlyElementsOf(expected);
    }

    @Test
    void departmentOfficersAndLeadersSeeWhatTheirRoleDoes() throws Exception {
        assertThat(worklist(Role.DEPARTMENT_OFFICER, TestFixtures.COUNTY)).containsExactly("/exchange", "/dashboard");
        assertThat(worklist(Role.LEADER, TestFixtures.COUNTY)).containsExactly("/dashboard");
    }
}
