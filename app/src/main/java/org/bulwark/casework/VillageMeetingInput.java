package org.bulwark.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bulwark.core.casework.Refusal;

/**
 * What the cadre records of the village's democratic review meeting (村级民主评议, docs/policy.md §4) when deciding the
 * village review step: the day it met, how many attended, the votes for and against, and a note. Whoever attended and
 * voted neither way abstained.
 */
public record VillageMeetingInput(
        LocalDate meetingOn, Integer attendees, Integer votesFor, Integer votesAgainst, String note) {

    static final int MAX_NOTE = 2000;

    /** A problem with one field of the meeting: the field's name and why. */
    public record Problem(String field, Refusal refusal) {}

    /** Those who attended and voted neither for nor against. */
    public int abstentions() {
        return attendees - votesFor - votesAgainst;
    }

    /** The note as stored: stripped, null when blank. */
    public String noteText() {
        return note == null || note.isBlank() ? null : note.strip();
    }

    /**
     * What is wrong with the record, empty when it may be stored: every number given and not negative, at least one
     * attendee, no more votes than attendees, a meeting day neither in the future nor before the case began, and — to
     * pass the step — more votes for than against.
     *
     * @param caseBegan the day the case's risk was discovered, from which its procedure runs
     * @param passing   the meeting is recorded to pass the step (not to reject the case)
     */
    public List<Problem> problems(LocalDate caseBegan, LocalDate today, boolean passing) {
        List<Problem> problems = new ArrayList<>();
        if (meetingOn == null) {
            problems.add(new Problem("meetingOn", Refusal.of("meeting_required")));
        } else if (meetingOn.isAfter(today)) {
            problems.add(new Problem("meetingOn", Refusal.of("meeting_in_future", today)));
        } else if (meetingOn.isBefore(caseBegan)) {
            problems.add(new Problem("meetingOn", Refusal.of("meeting_before_case", caseBegan)));
        }
        if (attendees == null) {
            problems.add(new Problem("attendees", Refusal.of("meeting_required")));
        } else if (attendees < 1) {
            problems.add(new Problem("attendees", Refusal.of("attendees_not_positive")));
        }
        count(problems, "votesFor", votesFor);
        count(problems, "votesAgainst", votesAgainst);
        if (problems.isEmpty() && votesFor + votesAgainst > attendees) {
            problems.add(
                    new Problem("votesFor", Refusal.of("votes_exceed_attendees", votesFor + votesAgainst, attendees)));
        }
        if (problems.isEmpty() && passing && votesFor <= votesAgainst) {
            problems.add(new Problem("votesFor", Refusal.of("votes_for_not_majority", votesFor, votesAgainst)));
        }
        if (note != null && note.strip().length() > MAX_NOTE) {
            problems.add(new Problem("meetingNote", Refusal.of("meeting_note_too_long", MAX_NOTE)));
        }
        return problems;
    }

    private static void count(List<Problem> problems, String field, Integer votes) {
        if (votes == null) {
            problems.add(new Problem(field, Refusal.of("meeting_required")));
        } else if (votes < 0) {
            problems.add(new Problem(field, Refusal.of("votes_negative")));
        }
    }
}
