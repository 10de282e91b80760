package org.bulwark.identity;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * How the API's HTTP Basic signs in: with a personal access token in place of the password (its name is the
 * username), or with the password — but not the password of an account with two-factor sign-in, nor of one whose
 * role requires it (MLPS 2.0 level 3: a privileged account never gets in with a password alone). Deliberately not
 * an {@link AuthenticationProvider} bean, which Spring Security would also put behind the sign-in page; the API's
 * filter chain takes {@link #manager()}. Failures go to the same events as before (lockout count, audit).
 */
@Component
public class ApiSignIn {

    private final DaoAuthenticationProvider passwords;
    private final AccessTokens tokens;
    private final TwoFactor twoFactor;
    private final TwoFactorPolicy policy;
    private final ApplicationEventPublisher events;

    ApiSignIn(
            UserAccounts accounts,
            PasswordEncoder encoder,
            AccessTokens tokens,
            TwoFactor twoFactor,
            TwoFactorPolicy policy,
            ApplicationEventPublisher events) {
        this.passwords = new DaoAuthenticationProvider(accounts);
        this.passwords.setPasswordEncoder(encoder);
        this.tokens = tokens;
        this.twoFactor = twoFactor;
        this.policy = policy;
        this.events = events;
    }

    /** The authentication manager of the API's filter chain. */
    public AuthenticationManager manager() {
        ProviderManager manager = new ProviderManager(new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                return signIn(authentication);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        });
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        return manager;
    }

    Authentication signIn(Authentication authentication) {
        String secret = String.valueOf(authentication.getCredentials());
        if (secret.startsWith(AccessTokens.PREFIX)) {
            BulwarkUser user = tokens.authenticate(authentication.getName(), secret);
            return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        }
        Authentication signedIn = passwords.authenticate(authentication);
        BulwarkUser user = (BulwarkUser) signedIn.getPrincipal();
        if (twoFactor.enabled(user.id()) || policy.requires(user.role())) {
            // the password was right: not a guess to count towards the lockout, but a refusal to audit
            events.publishEvent(new SecondFactorChecked(
                    user.getUsername(), user.role(), user.regionCode(), false, "password-only"));
            throw new SecondFactorRequired();
        }
        return signedIn;
    }

    /** The password of an account that signs in with a second factor, over the API: use a token instead. */
    static final class SecondFactorRequired extends AuthenticationException {
        SecondFactorRequired() {
            super("this account signs in with a second factor: use a personal access token over the API");
        }
    }
}
