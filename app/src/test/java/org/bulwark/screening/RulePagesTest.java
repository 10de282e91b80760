package org.bulwark.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The rules page shows every rule of the rule file and the thresholds of the viewer's province by year. */
@DatabaseTest
class RulePagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Clock clock;

    @Test
    void showsEveryRuleOfTheFileAndTheProvincesLineForTheYear() throws Exception {
        BulwarkUser province = fixtures.user(Role.PROVINCE_ADMIN, "520000000000");
        String page = mvc.perform(get("/rules").with(user(province)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // the rule ids as the file writes them, read without the rule engine
        List<String> ids = new ArrayList<>();
        Matcher id = Pattern.compile("(?m)^  - id: (\\S+)$")
                .matcher(Files.readString(Path.of("../core/src/main/resources/screening/rules.yaml")));
        while (id.find()) {
            ids.add(id.group(1));
        }
        assertThat(ids).hasSize(26);
        for (String rule : ids) {
            assertThat(page).as(rule).contains("id=\"" + rule + "\"");
        }
        int year = LocalDate.now(clock).getYear();
        // rules.yaml gives Guizhou (52) its own line for 2025 (8,700) and 2026 (8,900); later years fall back to 8,700
        String line = year == 2026 ? "8,900" : "8,700";
        assertThat(page).contains("本省（52）" + year + " 年监测线：家庭人均纯收入 " + line + " 元");
        assertThat(page)
                .contains(">本省当年值<")
                .contains(">规则文件默认值<")
                .contains("近 12 个月")
                .contains("p.school_age_min");
    }

    @Test
    void anotherProvinceSeesTheDefaultLine() throws Exception {
        BulwarkUser yunnan = fixtures.user(Role.PROVINCE_ADMIN, "530000000000");
        String page = mvc.perform(get("/rules").with(user(yunnan)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // Yunnan has no line of its own, only its published allowance standards (2021 and 2024, ALC-01/02)
        assertThat(page).contains("本省（53）").contains("家庭人均纯收入 8,700 元").contains("4,770");
    }
}
