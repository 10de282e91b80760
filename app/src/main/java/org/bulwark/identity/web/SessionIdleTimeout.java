package org.bulwark.identity.web;

import java.time.Duration;
import org.bulwark.identity.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The idle time-out of a signed-in session (security baseline #3): the server ends a session unused for
 * {@code server.servlet.session.timeout} (30 minutes). Every page tells its script that time-out and the warning's
 * lead ({@code bulwark.security.session-warning}, 3 minutes); the script shows a notice with a countdown that long
 * before the end, whose button calls {@code /session/keep-alive} to keep the session, and goes to the login page when
 * the time is up.
 */
@Controller
@ControllerAdvice(annotations = Controller.class)
class SessionIdleTimeout {

    private final CurrentUser currentUser;
    private final long timeoutSeconds;
    private final long warningSeconds;

    SessionIdleTimeout(
            CurrentUser currentUser,
            @Value("${server.servlet.session.timeout:30m}") Duration timeout,
            @Value("${bulwark.security.session-warning:PT3M}") Duration warning) {
        this.currentUser = currentUser;
        this.timeoutSeconds = timeout.toSeconds();
        this.warningSeconds = Math.min(warning.toSeconds(), timeoutSeconds / 2);
    }

    @ModelAttribute
    void idleTimeout(Model model) {
        if (currentUser.find().isPresent()) {
            model.addAttribute("sessionTimeoutSeconds", timeoutSeconds);
            model.addAttribute("sessionWarningSeconds", warningSeconds);
        }
    }

    /** A request that does nothing but keep the session: the server's idle clock starts again. */
    @GetMapping("/session/keep-alive")
    ResponseEntity<Void> keepAlive() {
        return ResponseEntity.noContent().build();
    }
}
