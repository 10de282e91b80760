package org.bulwark.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.catalina.Context;
import org.bulwark.OwnDatabaseServerTest;
import org.bulwark.TestFixtures;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The warm-up after a start renders the protected pages through the real server and its security chain, as the
 * principal of each province: the pages answer 200 (not the sign-in page's redirect), and it leaves no session, no
 * signed-in user and no audit entry behind.
 */
class PageWarmUpTest extends OwnDatabaseServerTest {

    @Autowired
    PageWarmUp warmUp;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebServerApplicationContext context;

    @Test
    void rendersTheFileTheDashboardAndTheWarningsAndLeavesNothingBehind() {
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        fixtures.household(cadre, TestFixtures.VILLAGE_A);
        long audited =
                jdbc.sql("select count(*) from audit_log").query(Long.class).single();
        int sessions = sessions();

        Map<String, Integer> statuses = warmUp.warmUp();

        assertThat(statuses).containsEntry("/dashboard", 200).containsEntry("/warnings", 200);
        assertThat(statuses.entrySet())
                .as("a household file rendered for the province's principal")
                .anyMatch(e -> e.getKey().matches("/households/\\d+") && e.getValue() == 200);
        assertThat(sessions()).as("the warm-up's session ended").isEqualTo(sessions);
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        assertThat(jdbc.sql("select count(*) from audit_log").query(Long.class).single())
                .isEqualTo(audited);
    }

    private int sessions() {
        TomcatWebServer tomcat = (TomcatWebServer) context.getWebServer();
        Context web = (Context) tomcat.getTomcat().getHost().findChildren()[0];
        return web.getManager().getActiveSessions();
    }
}
