package org.bulwark.casework.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.bulwark.casework.Visit;
import org.bulwark.casework.VisitDue;
import org.bulwark.casework.VisitInput;
import org.bulwark.casework.Visits;
import org.bulwark.platform.web.ApiController;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/** REST API of visits: recording one, and the households due a visit. */
@ApiController("/api/v1")
@Tag(name = "Casework")
class VisitApi {

    private final Visits visits;

    VisitApi(Visits visits) {
        this.visits = visits;
    }

    @Operation(summary = "Record a visit; the client gives it an id, so sending it twice stores it once")
    @PostMapping("/visits")
    Visit visit(@RequestBody VisitInput body) {
        return visits.record(body);
    }

    @Operation(summary = "Households due a visit (a helper: their own), overdue first")
    @GetMapping("/visits/due")
    List<VisitDue> due(
            @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "200") int limit) {
        return visits.due(overdue, Limits.clamp(limit));
    }
}
