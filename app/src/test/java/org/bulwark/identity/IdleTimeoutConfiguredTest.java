package org.bulwark.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.apache.catalina.Context;
import org.bulwark.OwnDatabaseServerTest;
import org.bulwark.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The idle time-out is configuration (server.servlet.session.timeout, 20 minutes here): Tomcat and the page agree. */
class IdleTimeoutConfiguredTest extends OwnDatabaseServerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    WebServerApplicationContext context;

    @Test
    void theServerAndThePageUseTheConfiguredIdleTimeOut() throws Exception {
        Context tomcat = (Context)
                ((TomcatWebServer) context.getWebServer()).getTomcat().getHost().findChildren()[0];
        assertThat(tomcat.getSessionTimeout()).as("minutes").isEqualTo(20);
        BulwarkUser user = fixtures.user(Role.HELPER, TestFixtures.VILLAGE_A);
        MockHttpSession session = (MockHttpSession)
                mvc.perform(formLogin("/login").user(user.getUsername()).password(TestFixtures.PASSWORD))
                        .andReturn()
                        .getRequest()
                        .getSession();
        assertThat(mvc.perform(get("/households").session(session))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("data-timeout=\"1200\"");
    }
}
