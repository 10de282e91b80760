package org.bulwark.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * A test in a real browser against the application on a random port, seeded as the demo is (its users and
 * passwords, a generated Qinglong registry, the department data of 沙子镇 and the warnings they raise), smaller so
 * that it seeds in seconds. All browser tests share one application; each test gets a fresh browser profile.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"bulwark.demo.enabled=true", "bulwark.demo.households=800"})
@ActiveProfiles("test")
@Tag("browser")
@ExtendWith(ChromiumAvailable.class)
abstract class BrowserTest {

    /** The demo users' password (README). */
    static final String PASSWORD = "Bulwark@2026";

    static final String BAOJIA = "522324101209";
    static final String SHAZI = "522324101000";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Browser browser;

    @BeforeEach
    void openBrowser(TestInfo test) {
        browser = new Browser(
                "http://127.0.0.1:" + port,
                getClass().getSimpleName() + "-"
                        + test.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    Browser signIn(String username) {
        return browser.signIn(username, PASSWORD);
    }

    long number(String sql, Object... params) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        for (Object p : params) {
            statement = statement.param(p);
        }
        return statement.query(Long.class).single();
    }
}
