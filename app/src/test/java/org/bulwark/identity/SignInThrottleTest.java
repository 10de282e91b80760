package org.bulwark.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.bulwark.OwnDatabaseServerTest;
import org.bulwark.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Guessing from one address is slowed before it reaches the account lockout: with the defaults, 3 refused sign-ins
 * at once, then one a minute; refused attempts do not count against the account; other addresses and correct
 * sign-ins are not slowed.
 */
class SignInThrottleTest extends OwnDatabaseServerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aGuesserFromOneAddressIsHeldOffBeforeTheAccountLocks() throws Exception {
        BulwarkUser target = fixtures.user(Role.HELPER, TestFixtures.VILLAGE_A);
        BulwarkUser colleague = fixtures.user(Role.HELPER, TestFixtures.VILLAGE_A);
        for (int i = 0; i < 3; i++) {
            assertThat(signIn(target.getUsername(), "guess" + i, "10.9.0.1").getRedirectedUrl())
                    .isEqualTo("/login?error");
        }
        String held = signIn(target.getUsername(), "guess3", "10.9.0.1").getRedirectedUrl();
        assertThat(held)
                .as("the fourth guess from the address waits")
                .matches("/login\\?throttled=([1-9]|[1-5][0-9]|60)");
        assertThat(signIn(colleague.getUsername(), TestFixtures.PASSWORD, "10.9.0.1")
                        .getRedirectedUrl())
                .as("even a right password waits on that address")
                .startsWith("/login?throttled=");
        assertThat(failures(target))
                .as("held-off attempts do not count against the account")
                .isEqualTo(3);
        assertThat(signIn(target.getUsername(), TestFixtures.PASSWORD, "10.9.0.2")
                        .getRedirectedUrl())
                .as("another address is not slowed")
                .isEqualTo("/");
        String seconds = held.substring(held.indexOf('=') + 1);
        assertThat(mvc.perform(get(held)).andReturn().getResponse().getContentAsString())
                .contains("登录失败次数过多")
                .contains(seconds + " 秒");
    }

    @Test
    void theApiAnswers429WithRetryAfterAndCorrectCallsAreNeverSlowed() throws Exception {
        BulwarkUser user = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        for (int i = 0; i < 10; i++) {
            assertThat(api(user.getUsername(), TestFixtures.PASSWORD, "10.9.1.1")
                            .getStatus())
                    .as("correct call %d", i)
                    .isEqualTo(200);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(api(user.getUsername(), "guess" + i, "10.9.1.1").getStatus())
                    .isEqualTo(401);
        }
        MockHttpServletResponse held = api(user.getUsername(), "guess3", "10.9.1.1");
        assertThat(held.getStatus()).isEqualTo(429);
        assertThat(held.getContentType()).isEqualTo("application/problem+json");
        assertThat(Integer.parseInt(held.getHeader("Retry-After"))).isBetween(1, 60);
        assertThat(failures(user)).isEqualTo(3);
    }

    private MockHttpServletResponse signIn(String username, String password, String address) throws Exception {
        return mvc.perform(post("/login")
                        .param("username", username)
                        .param("password", password)
                        .with(csrf())
                        .with(from(address)))
                .andReturn()
                .getResponse();
    }

    private MockHttpServletResponse api(String username, String password, String address) throws Exception {
        return mvc.perform(get("/api/v1/households")
                        .with(httpBasic(username, password))
                        .with(from(address)))
                .andReturn()
                .getResponse();
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private int failures(BulwarkUser user) {
        return jdbc.sql("select failed_logins from app_user where id = :id")
                .param("id", user.id())
                .query(Integer.class)
                .single();
    }
}
