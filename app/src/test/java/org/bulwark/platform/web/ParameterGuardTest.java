package org.bulwark.platform.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Bad parameters get 400 naming the parameter: on pages the Chinese error page (a NUL in a search, a page beyond the
 * bounds), in the API problem details (a word for a number, a number beyond 64 bits in a JSON body).
 */
@DatabaseTest
class ParameterGuardTest {

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
        mvc.perform(get("/households")
                        .param("page", "2147483647")
                        .with(user(cadre))
                        .locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("页码：超出允许范围")));
    }

    @Test
    void theApiNamesAParameterOfTheWrongTypeAndABodyFieldBeyondItsType() throws Exception {
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        long household =
                fixtures.household(cadre, TestFixtures.VILLAGE_A).household().id();
        mvc.perform(get("/api/v1/households")
                        .param("page", "abc")
                        .with(httpBasic(cadre.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));
        mvc.perform(post("/api/v1/households/{id}/members", household)
                        .with(httpBasic(cadre.getUsername(), TestFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"李四\",\"employmentMonths\":99999999999999999999}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("employmentMonths"));
    }
}
