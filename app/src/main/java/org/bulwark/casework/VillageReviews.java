package org.bulwark.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.audit.AuditAction;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.core.casework.Decision;
import org.bulwark.core.casework.Refusal;
import org.bulwark.core.casework.Step;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.ConflictException;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The village review step decided together with the record of its democratic review meeting (issue 14, item 15): the
 * meeting is checked, the step decided by {@link Cases#decide} under its usual rules, and both stored in one
 * transaction and audited — so no meeting is kept for a decision that was refused.
 */
@Service
@Transactional
public class VillageReviews {

    private final Cases cases;
    private final CaseworkMessages messages;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;
    private final JdbcClient jdbc;

    VillageReviews(
            Cases cases,
            CaseworkMessages messages,
            CurrentUser currentUser,
            AuditLog audit,
            Clock clock,
            JdbcClient jdbc) {
        this.cases = cases;
        this.messages = messages;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** The meeting recorded for a case in the user's scope, if any. */
    @Transactional(readOnly = true)
    public Optional<VillageMeeting> of(long caseId) {
        cases.get(caseId);
        return jdbc.sql("""
                select case_id, meeting_on, attendees, votes_for, votes_against, note, recorded_by, recorded_at
                  from village_review_meeting where case_id = :c
                """)
                .param("c", caseId)
                .query((rs, n) -> new VillageMeeting(
                        rs.getLong("case_id"),
                        rs.getObject("meeting_on", LocalDate.class),
                        rs.getInt("attendees"),
                        rs.getInt("votes_for"),
                        rs.getInt("votes_against"),
                        rs.getString("note"),
                        rs.getString("recorded_by"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .optional();
    }

    /**
     * Decides the case's village review with the meeting behind it. Refused, naming each field, when the meeting's
     * record does not hold together, or when the step is passed although the meeting did not vote for it.
     */
    public SupportCase decide(
            long caseId, int version, Decision decision, String comment, VillageMeetingInput meeting) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.HANDLE_CASES);
        SupportCase c = cases.get(caseId);
        if (!c.open()) {
            throw new ConflictException(messages.text(Refusal.of("case_closed", c.status())));
        }
        if (c.step() != Step.VILLAGE_REVIEW) {
            throw messages.refused("step", List.of(Refusal.of("not_at_step", Step.VILLAGE_REVIEW)));
        }
        LocalDate today = LocalDate.now(clock);
        List<FieldProblem> problems = meeting.problems(c.discoveredOn(), today, decision == Decision.PASS).stream()
                .map(p -> new FieldProblem(p.field(), p.refusal().code(), messages.text(p.refusal())))
                .toList();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        SupportCase after = cases.decide(caseId, version, decision, comment, null);
        jdbc.sql("""
                insert into village_review_meeting
                    (case_id, meeting_on, attendees, votes_for, votes_against, note, recorded_by)
                values (:c, :on, :attendees, :for, :against, :note, :by)
                """)
                .param("c", caseId)
                .param("on", meeting.meetingOn())
                .param("attendees", meeting.attendees())
                .param("for", meeting.votesFor())
                .param("against", meeting.votesAgainst())
                .param("note", meeting.noteText())
                .param("by", user.getUsername())
                .update();
        audit.record(new AuditRecord(
                        AuditAction.CREATE,
                        "case",
                        String.valueOf(caseId),
                        c.villageCode(),
                        null,
                        null,
                        valuesOf(meeting))
                .described(
                        "villageMeetingRecorded",
                        meeting.meetingOn(),
                        meeting.attendees(),
                        meeting.votesFor(),
                        meeting.votesAgainst(),
                        meeting.abstentions()));
        return after;
    }

    private static Map<String, Object> valuesOf(VillageMeetingInput meeting) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("meetingOn", meeting.meetingOn());
        values.put("attendees", meeting.attendees());
        values.put("votesFor", meeting.votesFor());
        values.put("votesAgainst", meeting.votesAgainst());
        values.put("abstentions", meeting.abstentions());
        values.put("note", meeting.noteText());
        return values;
    }
}
