package org.bulwark.identity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * Ends the open sessions of an account whose access changed (disabled, new role or region, new password): its
 * holder signs in again, under what the account now says. Without a web server there are no sessions to end.
 */
@Component
class UserSessions {

    private final ObjectProvider<SessionRegistry> registry;

    UserSessions(ObjectProvider<SessionRegistry> registry) {
        this.registry = registry;
    }

    void end(String username) {
        SessionRegistry sessions = registry.getIfAvailable();
        if (sessions == null) {
            return;
        }
        for (Object principal : sessions.getAllPrincipals()) {
            if (principal instanceof BulwarkUser user && user.getUsername().equals(username)) {
                sessions.getAllSessions(principal, false).forEach(session -> session.expireNow());
            }
        }
    }
}
