package org.bulwark.casework;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The democratic review meeting recorded at a case's village review step; who recorded it is a login name.
 *
 * @param abstentions those who attended and voted neither for nor against
 */
public record VillageMeeting(
        long caseId,
        LocalDate meetingOn,
        int attendees,
        int votesFor,
        int votesAgainst,
        int abstentions,
        String note,
        String recordedBy,
        Instant recordedAt) {

    VillageMeeting(
            long caseId,
            LocalDate meetingOn,
            int attendees,
            int votesFor,
            int votesAgainst,
            String note,
            String recordedBy,
            Instant recordedAt) {
        this(
                caseId,
                meetingOn,
                attendees,
                votesFor,
                votesAgainst,
                attendees - votesFor - votesAgainst,
                note,
                recordedBy,
                recordedAt);
    }
}
