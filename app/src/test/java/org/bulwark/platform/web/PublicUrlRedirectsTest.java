package org.bulwark.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Redirects back to the Host the client named go to the configured public URL (relative when there is none). */
class PublicUrlRedirectsTest {

    @Test
    void aConfiguredPublicUrlReplacesTheClientsHost() throws Exception {
        PublicUrlRedirects filter = new PublicUrlRedirects(new PublicUrl("https://fpjc.example.gov.cn/"));
        assertThat(redirect(filter, "http://evil.example/households?q=1#top"))
                .isEqualTo("https://fpjc.example.gov.cn/households?q=1#top");
        assertThat(header(filter, "http://evil.example:8080/login")).isEqualTo("https://fpjc.example.gov.cn/login");
        assertThat(redirect(filter, "/login?logout"))
                .as("relative stays relative")
                .isEqualTo("/login?logout");
        assertThat(redirect(filter, "https://other.example/x"))
                .as("another site is another site")
                .isEqualTo("https://other.example/x");
    }

    @Test
    void withoutAPublicUrlRedirectsBecomeRelative() throws Exception {
        PublicUrlRedirects filter = new PublicUrlRedirects(new PublicUrl(""));
        assertThat(redirect(filter, "http://evil.example/households?q=1")).isEqualTo("/households?q=1");
        assertThat(redirect(filter, "http://evil.example")).isEqualTo("/");
    }

    @Test
    void aPublicUrlMustBeAnHttpAddress() {
        assertThatThrownBy(() -> new PublicUrl("javascript:alert(1)")).hasMessageContaining("bulwark.public-url");
        assertThatThrownBy(() -> new PublicUrl("https://x.example/?a=b")).hasMessageContaining("bulwark.public-url");
    }

    private static String redirect(PublicUrlRedirects filter, String location) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request(), response, (req, res) -> ((HttpServletResponse) res).sendRedirect(location));
        return response.getRedirectedUrl();
    }

    private static String header(PublicUrlRedirects filter, String location) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request(), response, (req, res) -> ((HttpServletResponse) res).setHeader("Location", location));
        return response.getHeader("Location");
    }

    private static MockHttpServletRequest request() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/households");
        request.setServerName("evil.example");
        return request;
    }
}
