package org.bulwark.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.bulwark.OwnDatabaseServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * On the real server (Tomcat turns relative redirects into absolute ones from the Host header unless told not to),
 * a request with a forged Host header is not redirected to the forged host.
 */
class HostHeaderTest extends OwnDatabaseServerTest {

    @LocalServerPort
    int port;

    @Test
    void theLoginRedirectDoesNotReflectTheHostHeader() throws Exception {
        String location = location("/households", "evil.example");
        assertThat(location)
                .as("Location of the redirect to the login page")
                .isNotNull()
                .doesNotContain("evil.example")
                .endsWith("/login");
        assertThat(location("/logout?x", "evil.example:8443")).doesNotContain("evil.example");
    }

    /** The Location header of a GET sent with this Host header, over a plain socket (clients forbid forging Host). */
    private String location(String path, String host) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String status = in.readLine();
            assertThat(status).contains(" 302 ");
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                if (line.regionMatches(true, 0, "Location:", 0, 9)) {
                    return line.substring(9).strip();
                }
            }
            return null;
        }
    }
}
