package org.bulwark.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.bulwark.identity.AccessTokens;
import org.bulwark.platform.web.ApiController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** The caller's personal access tokens over the API (a token itself cannot create tokens). */
@ApiController("/api/v1/account/tokens")
@Tag(name = "Access tokens")
class AccessTokenApi {

    private final AccessTokens tokens;

    AccessTokenApi(AccessTokens tokens) {
        this.tokens = tokens;
    }

    /** A token to create: its name, region code (empty: yours), permissions (of your role) and days valid. */
    record NewTokenRequest(String name, String regionCode, List<String> permissions, Integer days) {}

    @Operation(summary = "Your tokens, newest first (never their secrets)")
    @GetMapping
    List<AccessTokens.Token> list() {
        return tokens.mine();
    }

    @Operation(summary = "Create a token; the answer holds its secret, shown this once")
    @PostMapping
    ResponseEntity<AccessTokens.NewToken> create(@RequestBody NewTokenRequest request) {
        AccessTokens.NewToken token =
                tokens.create(request.name(), request.regionCode(), request.permissions(), request.days());
        return ResponseEntity.created(URI.create("/api/v1/account/tokens/" + token.id()))
                .body(token);
    }

    @Operation(summary = "Revoke one of your tokens")
    @PostMapping("/{id}/revoke")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        tokens.revoke(id);
        return ResponseEntity.noContent().build();
    }
}
