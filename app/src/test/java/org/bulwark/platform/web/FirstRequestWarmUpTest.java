package org.bulwark.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.bulwark.OwnDatabaseServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The warm-up after a start requests what every first visitor's browser needs, over the real server and through
 * the security filter chain: the public pages render, a protected page only redirects to the sign-in page (no
 * session is made up), and every static file the pages link to is found.
 */
class FirstRequestWarmUpTest extends OwnDatabaseServerTest {

    @LocalServerPort
    int port;

    @Autowired
    FirstRequestWarmUp warmUp;

    @Test
    void requestsThePublicPagesAndEveryStaticFileTheyLinkToThroughTheSecurityChain() {
        Map<String, Integer> statuses = warmUp.warmUp(port);

        assertThat(statuses)
                .containsEntry("/login", 200)
                .containsEntry("/declare", 200)
                .containsEntry("/declare/status", 200)
                .as("a protected page without a session: the redirect to the sign-in page, not the page")
                .containsEntry("/", 302);
        assertThat(statuses.keySet())
                .as("the layout's static files and the charts' files")
                .anyMatch(path -> path.contains("/webjars/bootstrap/") && path.endsWith("bootstrap.min.css"))
                .anyMatch(path -> path.contains("/webjars/htmx.org/"))
                .anyMatch(path -> path.startsWith("/css/bulwark.css"))
                .anyMatch(path -> path.startsWith("/js/bulwark.js"))
                .contains("/webjars/echarts/dist/echarts.common.min.js", "/js/dashboard.js");
        statuses.forEach((path, status) -> {
            if (!path.equals("/")) {
                assertThat(status).as(path).isEqualTo(200);
            }
        });
    }
}
