package org.bulwark.casework.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.bulwark.casework.Declaration;
import org.bulwark.casework.DeclarationInput;
import org.bulwark.casework.DeclarationReceipt;
import org.bulwark.casework.Declarations;
import org.bulwark.casework.SupportCase;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.web.ApiController;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/** REST API of declarations: the public form and its receipt, and the declarations a region handles. */
@ApiController("/api/v1")
@Tag(name = "Casework")
class DeclarationApi {

    private final Declarations declarations;

    DeclarationApi(Declarations declarations) {
        this.declarations = declarations;
    }

    record Acceptance(int version, Long householdId) {}

    record Decline(int version, String reason) {}

    // -- public: no account, rate-limited --------------------------------------------------------------------------

    @Operation(summary = "Public: declare hardship (no account); answers a receipt number to check the status with")
    @PostMapping("/public/declarations")
    DeclarationReceipt declare(@RequestBody DeclarationInput input, HttpServletRequest request) {
        return declarations.submitPublic(input, request.getRemoteAddr());
    }

    @Operation(summary = "Public: the status of a declaration by its receipt number (nothing about the person)")
    @GetMapping("/public/declarations/{receipt}")
    DeclarationReceipt receipt(@PathVariable String receipt, HttpServletRequest request) {
        return declarations.status(receipt, request.getRemoteAddr());
    }

    // -- declarations of the region ----------------------------------------------------------------------------------

    @Operation(summary = "Record a declaration taken at a service window (SERVICE_WINDOW) or on the hotline (HOTLINE)")
    @PostMapping("/declarations")
    Declaration record(@RequestParam String channel, @RequestBody DeclarationInput input) {
        return declarations.record(input, channel);
    }

    @Operation(summary = "Declarations of your region, those waiting first")
    @GetMapping("/declarations")
    List<Declaration> declarations(
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "200") int limit) {
        return declarations.list(status, Limits.clamp(limit));
    }

    @Operation(summary = "Accept a declaration: opens the identification case of the household (householdId)")
    @PostMapping("/declarations/{id}/accept")
    SupportCase accept(@PathVariable long id, @RequestBody Acceptance body) {
        if (body.householdId() == null) {
            throw InvalidInputException.of(
                    "householdId", "required", "the registered household the declaration concerns");
        }
        return declarations.accept(id, body.version(), body.householdId());
    }

    @Operation(
            operationId = "attachDeclaration",
            summary = "Attach a declaration to the case under way for the household (householdId): the resident's"
                    + " receipt then says it is handled with that case")
    @PostMapping("/declarations/{id}/attach")
    Declaration attach(@PathVariable long id, @RequestBody Acceptance body) {
        if (body.householdId() == null) {
            throw InvalidInputException.of(
                    "householdId", "required", "the registered household whose case is under way");
        }
        return declarations.attach(id, body.version(), body.householdId());
    }

    @Operation(summary = "Decline a declaration with a reason")
    @PostMapping("/declarations/{id}/decline")
    Declaration decline(@PathVariable long id, @RequestBody Decline body) {
        return declarations.decline(id, body.version(), body.reason());
    }
}
