package org.bulwark.casework.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bulwark.casework.VillageMeetingInput;
import org.bulwark.casework.VillageReviews;
import org.bulwark.core.casework.Decision;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The village review step on the case page: the democratic review meeting (date, attendees, votes) recorded with the
 * decision (issue 14, item 15). What was typed comes back on the form when it is refused.
 */
@Controller
class VillageReviewPages {

    private final VillageReviews reviews;
    private final MessageSource messages;

    VillageReviewPages(VillageReviews reviews, MessageSource messages) {
        this.reviews = reviews;
        this.messages = messages;
    }

    /** What the form sends, as typed. */
    record Draft(String meetingOn, String attendees, String votesFor, String votesAgainst, String meetingNote) {}

    @PostMapping("/cases/{id}/village-review")
    String decide(
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam Decision decision,
            @RequestParam(required = false) String comment,
            @RequestParam(required = false) String meetingOn,
            @RequestParam(required = false) String attendees,
            @RequestParam(required = false) String votesFor,
            @RequestParam(required = false) String votesAgainst,
            @RequestParam(required = false) String meetingNote,
            RedirectAttributes redirect,
            Locale locale) {
        List<FieldProblem> unreadable = new ArrayList<>();
        VillageMeetingInput meeting = new VillageMeetingInput(
                date("meetingOn", meetingOn, unreadable),
                number("attendees", attendees, unreadable),
                number("votesFor", votesFor, unreadable),
                number("votesAgainst", votesAgainst, unreadable),
                meetingNote);
        List<String> errors = PageErrors.attempt(
                () -> {
                    if (!unreadable.isEmpty()) {
                        throw new InvalidInputException(unreadable);
                    }
                    reviews.decide(id, version, decision, comment, meeting);
                },
                messages,
                locale);
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", messages.getMessage("flash.saved", null, locale));
        } else {
            redirect.addFlashAttribute("errors", errors);
            redirect.addFlashAttribute("comment", comment);
            redirect.addFlashAttribute(
                    "meetingDraft", new Draft(meetingOn, attendees, votesFor, votesAgainst, meetingNote));
        }
        return "redirect:/cases/" + id + "#village-review";
    }

    /** A whole number as typed, null when left empty; anything else is a problem named by its field. */
    private static Integer number(String field, String typed, List<FieldProblem> problems) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "number", "is not a whole number"));
            return null;
        }
    }

    private static LocalDate date(String field, String typed, List<FieldProblem> problems) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "date", "is not a date"));
            return null;
        }
    }
}
