package org.bulwark.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * After a restart, hashes and checks a throwaway password a few times in the background, so that the first sign-in
 * does not run the deliberately slow password hash before the JIT compiler has compiled it (issue 14, item 28: the
 * first sign-in after a restart took seconds). No account is read or changed; {@code bulwark.warm-up.enabled=false}
 * turns it off (the tests do).
 */
@Component
class PasswordWarmUp {

    static final int ROUNDS = 3;

    private final PasswordEncoder encoder;
    private final boolean enabled;

    PasswordWarmUp(PasswordEncoder encoder, @Value("${bulwark.warm-up.enabled:true}") boolean enabled) {
        this.encoder = encoder;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (enabled) {
            Thread thread = new Thread(this::warmUp, "warm-up-passwords");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Checks a throwaway password against its hash; how many checks matched (all, unless the encoder is broken). */
    int warmUp() {
        String hash = encoder.encode("warm-up");
        int matched = 0;
        for (int i = 0; i < ROUNDS; i++) {
            matched += encoder.matches("warm-up", hash) ? 1 : 0;
        }
        return matched;
    }
}
