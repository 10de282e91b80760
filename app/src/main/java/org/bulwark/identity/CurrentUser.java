package org.bulwark.identity;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The user on whose behalf the current request or task runs; services ask it for the scope. */
@Component
public class CurrentUser {

    /** The signed-in user, or an {@link AccessDeniedException} when nobody is. */
    public BulwarkUser require() {
        return find().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }

    public Optional<BulwarkUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof BulwarkUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /**
     * The region subtree whose households the signed-in user may read and write. Every service that reads the
     * registry, warnings, casework or department records asks here, so the three privileged administrators of the
     * separation of duties (who hold no {@link Role.Permission#READ_HOUSEHOLDS}) are refused below the web layer,
     * whatever page or API they call.
     */
    public RegionScope scope() {
        return requirePermission(Role.Permission.READ_HOUSEHOLDS).scope();
    }

    /** Acts as the user on this thread until the returned handle is closed (then the previous user is back). */
    public static AutoCloseableUser actAs(BulwarkUser user) {
        Authentication previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        return () -> SecurityContextHolder.getContext().setAuthentication(previous);
    }

    /** The handle of {@link #actAs}: closing it restores the previous user. */
    public interface AutoCloseableUser extends AutoCloseable {
        @Override
        void close();
    }

    /** Refuses unless the user's role carries the permission. */
    public BulwarkUser requirePermission(Role.Permission permission) {
        BulwarkUser user = require();
        if (!user.can(permission)) {
            throw new AccessDeniedException("role " + user.role() + " may not " + permission);
        }
        return user;
    }
}
