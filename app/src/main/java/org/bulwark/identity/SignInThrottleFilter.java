package org.bulwark.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Asks {@link SignInThrottle} before a sign-in is checked: the login form's post, or an API request carrying HTTP
 * Basic credentials. A refused page sign-in goes back to the login page, which says how long to wait; a refused API
 * call gets 429 problem details with {@code Retry-After}. Not a bean: a filter bean would also run outside the
 * security chains.
 */
final class SignInThrottleFilter extends OncePerRequestFilter {

    private final SignInThrottle throttle;
    private final boolean api;

    private SignInThrottleFilter(SignInThrottle throttle, boolean api) {
        this.throttle = throttle;
        this.api = api;
    }

    static SignInThrottleFilter forApi(SignInThrottle throttle) {
        return new SignInThrottleFilter(throttle, true);
    }

    static SignInThrottleFilter forLoginForm(SignInThrottle throttle) {
        return new SignInThrottleFilter(throttle, false);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (api) {
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            return authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6);
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !("POST".equals(request.getMethod()) && "/login".equals(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> wait = throttle.tryAttempt(request.getRemoteAddr());
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, wait.get().toSeconds());
        if (api) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter()
                    .write("{\"type\":\"urn:bulwark:problem:too-many-sign-ins\",\"title\":\"Too Many "
                            + "Requests\",\"status\":429,\"detail\":\"too many refused sign-ins from this address; try again in "
                            + seconds + " seconds\"}");
        } else {
            response.sendRedirect(request.getContextPath() + "/login?throttled=" + seconds);
        }
    }
}
