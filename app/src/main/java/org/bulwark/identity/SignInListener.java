package org.bulwark.identity;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Turns Spring Security's sign-in events into the lockout count and into this module's own events. */
@Component
class SignInListener {

    private final UserAccounts accounts;
    private final ApplicationEventPublisher events;

    SignInListener(UserAccounts accounts, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.events = events;
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
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        accounts.recordFailure(username);
        events.publishEvent(new SignInFailed(username, event.getException().getClass().getSimpleName()));
    }
}
