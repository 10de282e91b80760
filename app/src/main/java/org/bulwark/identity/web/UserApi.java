package org.bulwark.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.bulwark.identity.NewUser;
import org.bulwark.identity.UserAccount;
import org.bulwark.identity.UserAdministration;
import org.bulwark.identity.UserChange;
import org.bulwark.identity.UserFilter;
import org.bulwark.identity.UserPage;
import org.bulwark.platform.web.ApiController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/** REST API over the accounts of the caller's region (province and prefecture administrators). */
@ApiController("/api/v1/users")
@Tag(name = "Users")
class UserApi {

    private final UserAdministration users;

    UserApi(UserAdministration users) {
        this.users = users;
    }

    /** A new password typed twice. */
    record NewPassword(String password, String passwordConfirmation) {}

    @Operation(summary = "Accounts of your region, by region and username (filter by region code, role, state)")
    @GetMapping
    UserPage list(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) UserFilter.State state,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return users.list(new UserFilter(region, role, state, page, size));
    }

    @Operation(summary = "One account of your region")
    @GetMapping("/{id}")
    UserAccount get(@PathVariable long id) {
        return users.get(id);
    }

    @Operation(summary = "Create an account; its holder chooses a new password at the first sign-in")
    @PostMapping
    ResponseEntity<UserAccount> create(@RequestBody NewUser input) {
        long id = users.create(input);
        return ResponseEntity.created(URI.create("/api/v1/users/" + id)).body(users.get(id));
    }

    @Operation(summary = "Change an account's display name, role, region and department")
    @PutMapping("/{id}")
    UserAccount update(@PathVariable long id, @RequestBody UserChange input) {
        users.update(id, input);
        return users.get(id);
    }

    @Operation(summary = "Disable an account (its sessions end)")
    @PostMapping("/{id}/disable")
    UserAccount disable(@PathVariable long id) {
        users.disable(id);
        return users.get(id);
    }

    @Operation(summary = "Enable a disabled account")
    @PostMapping("/{id}/enable")
    UserAccount enable(@PathVariable long id) {
        users.enable(id);
        return users.get(id);
    }

    @Operation(summary = "Lift a lockout after repeated failed sign-ins")
    @PostMapping("/{id}/unlock")
    UserAccount unlock(@PathVariable long id) {
        users.unlock(id);
        return users.get(id);
    }

    @Operation(summary = "Set a new password that the holder must change at the next sign-in")
    @PostMapping("/{id}/password")
    UserAccount resetPassword(@PathVariable long id, @RequestBody NewPassword input) {
        users.resetPassword(id, input.password(), input.passwordConfirmation());
        return users.get(id);
    }
}
