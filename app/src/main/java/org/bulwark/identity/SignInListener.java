package org.bulwark.identity;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureServiceExceptionEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Turns Spring Security's sign-in events into the lockout count and into this module's own events. */
@Component
class SignInListener {

    private static final Logger log = LoggerFactory.getLogger(SignInListener.class);

    private final UserAccounts accounts;
    private final ApplicationEventPublisher events;
    private final SignInThrottle throttle;

    SignInListener(UserAccounts accounts, ApplicationEventPublisher events, SignInThrottle throttle) {
        this.accounts = accounts;
        this.events = events;
        this.throttle = throttle;
    }

    /** Every successful sign-in, by form or HTTP Basic, gives its address's attempt back. */
    @EventListener
    void onAnySuccess(AuthenticationSuccessEvent event) {
        address(event.getAuthentication()).ifPresent(throttle::giveBack);
    }

    @EventListener
    void onSuccess(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof BulwarkUser user) {
            accounts.recordSuccess(user.getUsername());
            events.publishEvent(new UserSignedIn(user.getUsername(), user.role(), user.regionCode()));
        }
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        if (event instanceof AuthenticationFailureServiceExceptionEvent
                || event.getException() instanceof AuthenticationServiceException) {
            // the accounts could not be read (the database is down): not the user's failure, and nothing to store it
            // in; SignInAnswers gives the attempt back to the throttle
            log.warn("Sign-in could not be checked: {}", event.getException().getMessage());
            return;
        }
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        Optional<BulwarkUser> account = accounts.find(username);
        Role role = account.map(BulwarkUser::role).orElse(null);
        String region = account.map(BulwarkUser::regionCode).orElseGet(accounts::regionForUnknownNames);
        events.publishEvent(new SignInFailed(
                username, role, region, event.getException().getClass().getSimpleName()));
        accounts.recordFailure(username)
                .ifPresent(until ->
                        events.publishEvent(new AccountLocked(username, role, region, accounts.maxFailures(), until)));
    }

    private static Optional<String> address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? Optional.ofNullable(details.getRemoteAddress())
                : Optional.empty();
    }
}
