package org.bulwark.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Signed-in pages carry the idle time-out (30 minutes by default) and a hidden Chinese notice the page script shows
 * 3 minutes before it, with a button that keeps the session through /session/keep-alive.
 */
@DatabaseTest
class SessionIdleTimeoutTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Test
    void aSignedInPageWarnsBeforeTheIdleTimeOutAndOffersToStaySignedIn() throws Exception {
        BulwarkUser user = fixtures.user(Role.HELPER, TestFixtures.VILLAGE_A);
        MockHttpSession session = (MockHttpSession)
                mvc.perform(formLogin("/login").user(user.getUsername()).password(TestFixtures.PASSWORD))
                        .andReturn()
                        .getRequest()
                        .getSession();
        String page = mvc.perform(get("/households").session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("id=\"session-warning\"")
                .contains("data-timeout=\"1800\"")
                .contains("data-warning=\"180\"")
                .contains("data-keep-alive=\"/session/keep-alive\"")
                .contains("将在")
                .contains("后自动退出登录")
                .contains("继续使用");
        mvc.perform(get("/session/keep-alive").session(session)).andExpect(status().isNoContent());
    }

    @Test
    void theLoginPageHasNoWarningAndExplainsATimedOutSession() throws Exception {
        String login =
                mvc.perform(get("/login?timeout")).andReturn().getResponse().getContentAsString();
        assertThat(login).doesNotContain("session-warning").contains("长时间未操作，已自动退出登录");
        mvc.perform(get("/session/keep-alive")).andExpect(status().is3xxRedirection());
    }
}
