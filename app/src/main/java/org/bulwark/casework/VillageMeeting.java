package org.bulwark.casework;

import java.time.Instant;
import java.time.LocalDate;

/** The democratic review meeting recorded at a case's village review step; who recorded it is a login name. */
public record VillageMeeting(
        long caseId,
        LocalDate meetingOn,
        int attendees,
        int votesFor,
        int votesAgainst,
        String note,
        String recordedBy,
        Instant recordedAt) {

    /** Those who attended and voted neither for nor against. */
    public int abstentions() {
        return attendees - votesFor - votesAgainst;
    }
}
