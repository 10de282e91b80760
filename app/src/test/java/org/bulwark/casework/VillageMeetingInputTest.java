package org.bulwark.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.bulwark.core.casework.Refusal;
import org.junit.jupiter.api.Test;

/** The record of a village democratic review meeting holds together, or says which field does not (item 15). */
class VillageMeetingInputTest {

    static final LocalDate BEGAN = LocalDate.of(2026, 3, 2);
    static final LocalDate TODAY = BEGAN.plusDays(4);

    static List<String> problems(VillageMeetingInput meeting, boolean passing) {
        return meeting.problems(BEGAN, TODAY, passing).stream()
                .map(p -> p.field() + ":" + p.refusal().code())
                .toList();
    }

    @Test
    void aMeetingThatHoldsTogetherHasNoProblemAndCountsTheAbstentions() {
        VillageMeetingInput meeting = new VillageMeetingInput(TODAY, 23, 19, 2, "  村民代表会议  ");
        assertThat(meeting.problems(BEGAN, TODAY, true)).isEmpty();
        assertThat(meeting.abstentions()).isEqualTo(2);
        assertThat(meeting.noteText()).isEqualTo("村民代表会议");
        assertThat(new VillageMeetingInput(BEGAN, 3, 3, 0, " ").noteText()).isNull();
        assertThat(new VillageMeetingInput(BEGAN, 3, 3, 0, null).problems(BEGAN, TODAY, true))
                .isEmpty();
    }

    @Test
    void eachMissingFieldIsNamed() {
        assertThat(problems(new VillageMeetingInput(null, null, null, null, null), true))
                .containsExactly(
                        "meetingOn:meeting_required",
                        "attendees:meeting_required",
                        "votesFor:meeting_required",
                        "votesAgainst:meeting_required");
    }

    @Test
    void theMeetingDayLiesBetweenTheCasesBeginningAndToday() {
        assertThat(problems(new VillageMeetingInput(TODAY.plusDays(1), 10, 8, 1, null), true))
                .containsExactly("meetingOn:meeting_in_future");
        assertThat(new VillageMeetingInput(TODAY.plusDays(1), 10, 8, 1, null).problems(BEGAN, TODAY, true))
                .extracting(VillageMeetingInput.Problem::refusal)
                .containsExactly(Refusal.of("meeting_in_future", TODAY));
        assertThat(problems(new VillageMeetingInput(BEGAN.minusDays(1), 10, 8, 1, null), true))
                .containsExactly("meetingOn:meeting_before_case");
    }

    @Test
    void countsAreNotNegativeAndVotesNoMoreThanAttendees() {
        assertThat(problems(new VillageMeetingInput(TODAY, 0, -1, -2, null), false))
                .containsExactly(
                        "attendees:attendees_not_positive", "votesFor:votes_negative", "votesAgainst:votes_negative");
        // abstentions = attendees − for − against may not be negative
        assertThat(new VillageMeetingInput(TODAY, 10, 8, 3, null).problems(BEGAN, TODAY, false))
                .extracting(VillageMeetingInput.Problem::refusal)
                .containsExactly(Refusal.of("votes_exceed_attendees", 11, 10));
        assertThat(problems(new VillageMeetingInput(TODAY, 10, 8, 2, null), false))
                .isEmpty();
    }

    @Test
    void theStepPassesOnlyWhenMoreVotedForThanAgainst() {
        VillageMeetingInput tied = new VillageMeetingInput(TODAY, 10, 4, 4, null);
        assertThat(problems(tied, true)).containsExactly("votesFor:votes_for_not_majority");
        // the same meeting may reject the case
        assertThat(problems(tied, false)).isEmpty();
    }

    @Test
    void theNoteHasALimit() {
        assertThat(problems(new VillageMeetingInput(TODAY, 10, 8, 0, "记".repeat(2001)), true))
                .containsExactly("meetingNote:meeting_note_too_long");
    }
}
