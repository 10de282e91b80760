package org.bulwark.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bulwark.TestFixtures;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A page upload over the size limit, over the real HTTP stack (issue 11 #12): the answer is the Chinese error page
 * saying the file is too large and what to do, with status 413 — not Tomcat's bare page. A county's registry file
 * has a larger limit of its own, on the page and on the API. The limits are set low here so that the test sends 3 MB,
 * not 65.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.servlet.multipart.max-file-size=8MB",
            "spring.servlet.multipart.max-request-size=8MB",
            "bulwark.web.max-upload-size=1MB",
            "bulwark.onboarding.max-upload-size=8MB",
            "bulwark.exchange.max-upload-bytes=1048576"
        })
@ActiveProfiles("test")
@Tag("database")
class PageUploadLimitTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    TestFixtures fixtures;

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Test
    void anUploadOverTheLimitGetsTheChineseErrorPage() throws Exception {
        BulwarkUser county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        signIn(county.getUsername());
        String token = csrf(get("/exchange"));
        HttpResponse<String> response = post(
                "/exchange", multipart(3, "_csrf", token, "category", "medical_settlement"), "multipart/form-data");
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(response.body()).contains("文件过大").contains("1 MB").doesNotContain("Tomcat");
    }

    @Test
    void aCountysRegistryFileHasTheLargerLimitOfItsOwnOnThePageAndTheApi() throws Exception {
        BulwarkUser county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        signIn(county.getUsername());
        String token = csrf(get("/registry-imports"));
        // 3 MB of nonsense: over the common 1 MB, under the registry's 8 MB — read, and refused for what it holds
        HttpResponse<String> page =
                post("/registry-imports", multipart(3, "_csrf", token, "county", "522324"), "multipart/form-data");
        assertThat(page.statusCode()).isNotEqualTo(413).isLessThan(500);
        assertThat(page.body()).doesNotContain("文件过大");
        HttpResponse<String> api = post(
                "/api/v1/registry-imports/preview",
                multipart(3, "county", "522324"),
                "multipart/form-data",
                "Authorization",
                basic(county));
        assertThat(api.statusCode())
                .as("refused for its content (422), not its size")
                .isEqualTo(422);
        assertThat(api.body()).doesNotContain("too-large");
        // a roster is held to the exchange's limit, not to a JSON body's 1 MB nor to the registry's
        HttpResponse<String> roster = post(
                "/api/v1/casework/roster/preview",
                multipart(3, "county", "522324"),
                "multipart/form-data",
                "Authorization",
                basic(county));
        assertThat(roster.statusCode()).isEqualTo(413);
        assertThat(roster.body()).contains("1048576");
    }

    private static String basic(BulwarkUser user) {
        return "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString(
                                (user.getUsername() + ":" + TestFixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** A multipart body with the given form fields and a file {@code big.csv} of {@code megabytes} MB of 'a'. */
    private static Body multipart(int megabytes, String... fields) {
        String boundary = "limit";
        StringBuilder head = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            head.append("--")
                    .append(boundary)
                    .append("\r\nContent-Disposition: form-data; name=\"")
                    .append(fields[i])
                    .append("\"\r\n\r\n")
                    .append(fields[i + 1])
                    .append("\r\n");
        }
        head.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n")
                .append("Content-Type: text/csv\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + megabytes * 1024 * 1024 + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        Arrays.fill(body, start.length, body.length - end.length, (byte) 'a');
        System.arraycopy(end, 0, body, body.length - end.length, end.length);
        return new Body(body, boundary);
    }

    private record Body(byte[] bytes, String boundary) {}

    private HttpResponse<String> post(String path, Body body, String type, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", type + "; boundary=" + body.boundary())
                .header("Accept-Language", "zh-CN")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException closedWhileSending) {
            throw new AssertionError("the server closed the connection instead of answering", closedWhileSending);
        }
    }

    private void signIn(String username) throws Exception {
        String token = csrf(get("/login"));
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(TestFixtures.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token;
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    private String get(String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(uri(path))
                                .header("Accept-Language", "zh-CN")
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
        return matcher.group(1);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
