package org.bulwark.screening.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.screening.Warning;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.ModelAndView;

/**
 * The warning list shows a page at a time, most urgent first, and the pages together hold every warning of the
 * region once: a county with thousands of open warnings gets a page that loads quickly and still reaches them all.
 */
@DatabaseTest
class WarningListPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void pagesTogetherHoldEveryOpenWarningOnceInTheListsOrder() throws Exception {
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_B);
        addUnregisteredWarnings(WarningPages.PAGE_SIZE + 5);
        List<Long> expected = jdbc.sql("""
                        select id from warning where village_code = :v and status = 'OPEN'
                        order by deadline, case level when 'RED' then 0 when 'ORANGE' then 1 else 2 end, id
                        """)
                .param("v", TestFixtures.VILLAGE_B)
                .query(Long.class)
                .list();

        List<Long> shown = new ArrayList<>();
        int page = 0;
        while (true) {
            ModelAndView view = mvc.perform(
                            get("/warnings").param("page", String.valueOf(page)).with(user(cadre)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getModelAndView();
            @SuppressWarnings("unchecked")
            List<Warning> warnings = (List<Warning>) view.getModel().get("warnings");
            assertThat(warnings).hasSizeLessThanOrEqualTo(WarningPages.PAGE_SIZE);
            warnings.forEach(w -> shown.add(w.id()));
            if (!(Boolean) view.getModel().get("more")) {
                break;
            }
            assertThat(warnings).hasSize(WarningPages.PAGE_SIZE);
            page++;
        }
        assertThat(page).isGreaterThanOrEqualTo(1);
        assertThat(shown).isEqualTo(expected);
    }

    @Test
    void thePagerKeepsTheFilterAndSaysWhichPageIsShown() throws Exception {
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_B);
        addUnregisteredWarnings(WarningPages.PAGE_SIZE + 1);
        String html = mvc.perform(get("/warnings")
                        .param("status", "OPEN")
                        .param("page", "1")
                        .with(user(cadre)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("第 2 页", "上一页").contains("/warnings?status=OPEN&amp;overdue=false&amp;page=0");
    }

    /** Warnings of residents the registry does not have: no household to create for each. */
    private void addUnregisteredWarnings(int count) {
        long run = jdbc.sql("""
                        insert into screening_run (region_code, as_of, mode, rules_version, started_by)
                        values (:r, :d, 'FULL', 'test', 'test') returning id
                        """)
                .param("r", TestFixtures.VILLAGE_B)
                .param("d", LocalDate.now())
                .query(Long.class)
                .single();
        for (int i = 0; i < count; i++) {
            jdbc.sql("""
                            insert into warning (run_id, id_number, village_code, rule_id, rule_version, direction,
                                risk_type, level, registered, as_of, deadline, evidence)
                            values (:run, :id, :v, 'MED-03', 'test', 'DOWN', 'serious_illness', :level, false, :d,
                                :deadline, '{}')
                            """)
                    .param("run", run)
                    .param("id", TestFixtures.newIdNumber())
                    .param("v", TestFixtures.VILLAGE_B)
                    .param("level", i % 3 == 0 ? "RED" : "YELLOW")
                    .param("d", LocalDate.now())
                    .param("deadline", LocalDate.now().plusDays(i % 7))
                    .update();
        }
    }
}
