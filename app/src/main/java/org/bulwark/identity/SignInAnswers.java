package org.bulwark.identity;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * What a refused sign-in answers. A sign-in that could not be checked because the accounts could not be read (the
 * database is down: {@link AuthenticationServiceException}) is not blamed on the password: the API answers 503
 * problem details, the login form says the platform is unavailable.
 */
final class SignInAnswers {

    /** Seconds a client is asked to wait before trying again while the database is unreachable. */
    static final int RETRY_AFTER_SECONDS = 10;

    private SignInAnswers() {}

    /**
     * The API's answer to a request without valid HTTP Basic credentials. An attempt that could not be checked gives
     * its token back to the throttle (Spring Security publishes no event for it).
     */
    static AuthenticationEntryPoint api(SignInThrottle throttle) {
        return (request, response, e) -> {
            if (unavailable(e)) {
                throttle.giveBack(request.getRemoteAddr());
                unavailable(response);
                return;
            }
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Basic realm=\"bulwark\"");
            problem(
                    response,
                    "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                            + "\"detail\":\"sign in with HTTP Basic\"}");
        };
    }

    /** The login form's answer to a refused sign-in. */
    static AuthenticationFailureHandler loginForm(SignInThrottle throttle) {
        SimpleUrlAuthenticationFailureHandler wrongPassword = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, e) -> {
            if (unavailable(e)) {
                throttle.giveBack(request.getRemoteAddr());
                response.sendRedirect(request.getContextPath() + "/login?unavailable");
            } else {
                wrongPassword.onAuthenticationFailure(request, response, e);
            }
        };
    }

    private static boolean unavailable(AuthenticationException e) {
        return e instanceof AuthenticationServiceException;
    }

    private static void unavailable(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        problem(
                response,
                "{\"type\":\"urn:bulwark:problem:database-unavailable\",\"title\":\"Service Unavailable\","
                        + "\"status\":503,\"detail\":\"the platform cannot reach its database just now; your credentials were "
                        + "not checked. Try again shortly\"}");
    }

    private static void problem(HttpServletResponse response, String json) throws IOException {
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write(json);
    }
}
