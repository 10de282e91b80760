package org.bulwark.casework.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.bulwark.casework.SupportCase;
import org.bulwark.casework.VillageMeeting;
import org.bulwark.casework.VillageMeetingInput;
import org.bulwark.casework.VillageReviews;
import org.bulwark.core.casework.Decision;
import org.bulwark.platform.NotFoundException;
import org.bulwark.platform.web.ApiController;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** REST API of the village review step: its democratic review meeting, recorded with the decision (issue 14, #15). */
@ApiController("/api/v1")
@Tag(name = "Casework")
class VillageReviewApi {

    private final VillageReviews reviews;

    VillageReviewApi(VillageReviews reviews) {
        this.reviews = reviews;
    }

    record VillageReview(
            int version,
            Decision decision,
            String comment,
            LocalDate meetingOn,
            Integer attendees,
            Integer votesFor,
            Integer votesAgainst,
            String note) {}

    @Operation(
            summary = "Decide the village review with its meeting: date, attendees, votes for and against, a note;"
                    + " PASS needs more votes for than against")
    @PostMapping("/cases/{id}/village-review")
    SupportCase decideVillageReview(@PathVariable long id, @RequestBody VillageReview body) {
        return reviews.decide(
                id,
                body.version(),
                body.decision(),
                body.comment(),
                new VillageMeetingInput(
                        body.meetingOn(), body.attendees(), body.votesFor(), body.votesAgainst(), body.note()));
    }

    @Operation(summary = "The village review meeting recorded for a case")
    @GetMapping("/cases/{id}/village-review")
    VillageMeeting villageMeeting(@PathVariable long id) {
        return reviews.of(id).orElseThrow(() -> new NotFoundException("village review meeting", id));
    }
}
