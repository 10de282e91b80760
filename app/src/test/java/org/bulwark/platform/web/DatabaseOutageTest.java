package org.bulwark.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.bulwark.OwnDatabaseServerTest;
import org.bulwark.TestFixtures;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.identity.UserAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The database goes down under a running platform (the test stops its PostgreSQL server) and comes back (started
 * again on the same port with the same data): in between, every kind of request answers 503 within seconds without
 * blaming anyone's password; afterwards the platform works again by itself.
 */
class DatabaseOutageTest extends OwnDatabaseServerTest {

    /** Far below the 30 s and more it took before; the pool waits bulwark.database.connection-timeout (2 s here). */
    private static final Duration QUICK = Duration.ofSeconds(15);

    private static final String CSV = "身份证号,姓名,结算日期,就诊类型,医疗总费用,基金支付（基本医保+大病保险+医疗救助）,个人自付费用,"
            + "政策范围内个人自付\n110101197001010011,张三,2025-03-18,inpatient,20000,10000,9500,3000\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    UserAccounts accounts;

    @Test
    void anOutageAnswers503QuicklyWithoutBlamingThePasswordAndThePlatformRecoversByItself() throws Exception {
        BulwarkUser officer = fixtures.user(Role.DEPARTMENT_OFFICER, TestFixtures.COUNTY);
        accounts.assignDepartment(officer.getUsername(), "medical_security");
        BulwarkUser signedIn = accounts.find(officer.getUsername()).orElseThrow();
        String name = officer.getUsername();
        stopDatabase();
        try {
            MockHttpServletResponse api = quickly(
                    () -> mvc.perform(get("/api/v1/exchange/batches").with(httpBasic(name, TestFixtures.PASSWORD))));
            assertThat(api.getStatus())
                    .as("API call: %s", api.getContentAsString())
                    .isEqualTo(503);
            assertThat(api.getContentType()).isEqualTo("application/problem+json");
            assertThat(api.getContentAsString()).contains("database").doesNotContain("sign in");
            assertThat(api.getHeader("Retry-After")).isNotBlank();
            for (int i = 0; i < 3; i++) {
                assertThat(quickly(() -> mvc.perform(
                                        get("/api/v1/households").with(httpBasic(name, TestFixtures.PASSWORD))))
                                .getStatus())
                        .as("attempts that could not be checked are not held against the address")
                        .isEqualTo(503);
            }

            MockHttpServletResponse apiUpload =
                    quickly(() -> mvc.perform(multipart("/api/v1/exchange/medical_settlement/files")
                            .file(file())
                            .with(httpBasic(name, TestFixtures.PASSWORD))));
            assertThat(apiUpload.getStatus()).as("API upload").isEqualTo(503);

            MockHttpServletResponse signIn =
                    quickly(() -> mvc.perform(formLogin("/login").user(name).password(TestFixtures.PASSWORD)));
            assertThat(signIn.getRedirectedUrl())
                    .as("the password is not blamed")
                    .isEqualTo("/login?unavailable");
            assertThat(mvc.perform(get("/login?unavailable"))
                            .andReturn()
                            .getResponse()
                            .getContentAsString())
                    .contains("系统暂时无法连接数据库")
                    .contains("并非用户名或密码错误");

            MockHttpServletResponse upload = quickly(() -> mvc.perform(multipart("/exchange")
                    .file(file())
                    .param("category", "medical_settlement")
                    .with(user(signedIn))
                    .with(csrf())));
            assertThat(upload.getStatus()).as("page upload").isEqualTo(503);
            assertThat(upload.getContentType()).startsWith("text/html");
            assertThat(upload.getContentAsString()).contains("系统暂时不可用").contains("没有保存");

            MockHttpServletResponse page =
                    quickly(() -> mvc.perform(get("/households").with(user(signedIn))));
            assertThat(page.getStatus()).as("page").isEqualTo(503);
            assertThat(page.getContentAsString()).contains("系统暂时不可用");
        } finally {
            startDatabase();
        }
        assertThat(recovered(() ->
                        mvc.perform(get("/api/v1/exchange/batches").with(httpBasic(name, TestFixtures.PASSWORD)))))
                .as("API after the outage")
                .isEqualTo(200);
        assertThat(mvc.perform(formLogin("/login").user(name).password(TestFixtures.PASSWORD))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .as("sign-in after the outage")
                .isEqualTo("/");
        assertThat(mvc.perform(get("/exchange").with(user(signedIn)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("page after the outage")
                .isEqualTo(200);
    }

    private static MockMultipartFile file() {
        return new MockMultipartFile("file", "outage.csv", "text/csv", CSV.getBytes(StandardCharsets.UTF_8));
    }

    private static MockHttpServletResponse quickly(Callable<ResultActions> request) throws Exception {
        long start = System.nanoTime();
        MockHttpServletResponse response = request.call().andReturn().getResponse();
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("answered within seconds")
                .isLessThan(QUICK);
        return response;
    }

    /**
     * The status of the request once the platform answers it again (the server needs a moment to start); 429 at
     * once, as the address was held off for attempts it could not help.
     */
    private static int recovered(Callable<ResultActions> request) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int status;
        do {
            status = request.call().andReturn().getResponse().getStatus();
            if (status == 200 || status == 429) {
                return status;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < until);
        return status;
    }
}
