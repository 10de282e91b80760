package org.bulwark.platform.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** On pages, a NUL in a search and a page beyond the bounds get the Chinese error page naming the parameter. */
@DatabaseTest
class ParameterGuardPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestFixtures fixtures;

    @Test
    void aNulInASearchAndAHugePageAreNamedInChinese() throws Exception {
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        mvc.perform(get("/households").param("q", "a\u0000b").with(user(cadre)).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("搜索内容：含有控制字符")));
        mvc.perform(get("/households").param("page", "2147483647").with(user(cadre))
                        .locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("页码：超出允许范围")));
    }
}
