package org.bulwark.identity;

import java.util.Map;

/** A personal access token was created, revoked or used (every use is audited). */
public record AccessTokenEvent(
        Kind kind,
        long tokenId,
        String tokenName,
        String username,
        Role role,
        String regionCode,
        Map<String, Object> details) {

    public enum Kind {
        CREATED,
        REVOKED,
        USED
    }
}
