package org.bulwark.casework.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.bulwark.casework.HelperAssignment;
import org.bulwark.casework.HelperCaseload;
import org.bulwark.casework.Helpers;
import org.bulwark.platform.web.ApiController;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** REST API of designated helpers: assigning a household's helper, and the helpers' caseloads. */
@ApiController("/api/v1")
@Tag(name = "Casework")
class HelperApi {

    private final Helpers helpers;

    HelperApi(Helpers helpers) {
        this.helpers = helpers;
    }

    record Assign(String helper, String reason) {}

    @Operation(summary = "Assign the household's designated helper (the previous assignment ends today)")
    @PostMapping("/households/{id}/helper")
    HelperAssignment assign(@PathVariable long id, @RequestBody Assign body) {
        return helpers.assign(id, body.helper(), body.reason());
    }

    @Operation(summary = "Helpers of your region with their households and overdue visits")
    @GetMapping("/helpers/caseloads")
    List<HelperCaseload> caseloads() {
        return helpers.caseloads();
    }
}
