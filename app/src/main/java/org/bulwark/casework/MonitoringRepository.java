package org.bulwark.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.core.casework.MonitoringState;
import org.bulwark.core.casework.MonitoringType;
import org.bulwark.identity.RegionScope;
import org.bulwark.identity.UserNames;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of monitoring statuses and their history. */
@Repository
class MonitoringRepository {

    private static final RowMapper<MonitoringStatus> STATUS = (rs, n) -> new MonitoringStatus(
            rs.getLong("household_id"),
            rs.getString("village_code"),
            MonitoringState.valueOf(rs.getString("status")),
            MonitoringType.valueOf(rs.getString("monitoring_type")),
            RiskTypes.parse(rs.getString("risk_types")),
            rs.getObject("identified_on", LocalDate.class),
            rs.getObject("first_identified_on", LocalDate.class),
            rs.getObject("eliminated_on", LocalDate.class),
            rs.getInt("times_identified"),
            rs.getInt("version"));

    private final JdbcClient jdbc;

    private final UserNames userNames;

    MonitoringRepository(JdbcClient jdbc, UserNames userNames) {
        this.jdbc = jdbc;
        this.userNames = userNames;
    }

    Optional<MonitoringStatus> find(long householdId, RegionScope scope) {
        return jdbc.sql("select * from monitoring where household_id = :h and village_code like :scope")
                .param("h", householdId)
                .param("scope", scope.likePattern())
                .query(STATUS)
                .optional();
    }

    /** Locks the row for the rest of the transaction, so two decisions about one household do not interleave. */
    Optional<MonitoringStatus> lock(long householdId) {
        return jdbc.sql("select * from monitoring where household_id = :h for update")
                .param("h", householdId)
                .query(STATUS)
                .optional();
    }

    void insert(long householdId, String villageCode, SupportCase decided, LocalDate on) {
        jdbc.sql("""
                insert into monitoring (household_id, village_code, status, monitoring_type, risk_types, identified_on,
                    first_identified_on)
                values (:h, :v, 'MONITORED', :type, :risks, :on, :on)
                """)
                .param("h", householdId)
                .param("v", villageCode)
                .param("type", decided.monitoringType().name())
                .param("risks", RiskTypes.join(decided.risks()))
                .param("on", on)
                .update();
    }

    void reenter(long householdId, SupportCase decided, LocalDate on) {
        jdbc.sql("""
                update monitoring set status = 'MONITORED', monitoring_type = :type, risk_types = :risks,
                    identified_on = :on, eliminated_on = null, times_identified = times_identified + 1,
                    version = version + 1
                where household_id = :h
                """)
                .param("h", householdId)
                .param("type", decided.monitoringType().name())
                .param("risks", RiskTypes.join(decided.risks()))
                .param("on", on)
                .update();
    }

    void setStatus(long householdId, MonitoringState status, LocalDate eliminatedOn) {
        jdbc.sql("""
                update monitoring set status = :status, eliminated_on = :on, version = version + 1
                where household_id = :h
                """)
                .param("h", householdId)
                .param("status", status.name())
                .param("on", eliminatedOn)
                .update();
    }

    void event(long householdId, String event, LocalDate on, Long caseId, String by, String note) {
        jdbc.sql("""
                insert into monitoring_event (household_id, event, happened_on, case_id, done_by, note)
                values (:h, :e, :on, :c, :by, :note)
                """)
                .param("h", householdId)
                .param("e", event)
                .param("on", on)
                .param("c", caseId)
                .param("by", by)
                .param("note", note)
                .update();
    }

    List<MonitoringEvent> events(long householdId) {
        List<MonitoringEvent> events = jdbc.sql("""
                select e.id, e.event, e.happened_on, e.case_id, e.done_by, e.note
                from monitoring_event e
                where e.household_id = :h order by e.id
                """)
                .param("h", householdId)
                // an event without a case (a reversal, or one recorded from a county's roster) has a null case id
                .query((rs, n) -> new MonitoringEvent(
                        rs.getLong("id"),
                        rs.getString("event"),
                        rs.getObject("happened_on", LocalDate.class),
                        rs.getObject("case_id", Long.class),
                        rs.getString("done_by"),
                        rs.getString("note")))
                .list();
        // who did it by name; the replayed history's principals have no account and keep theirs
        Map<String, String> names = userNames.displayNames(
                events.stream().map(MonitoringEvent::doneBy).toList());
        return events.stream()
                .map(e -> new MonitoringEvent(
                        e.id(), e.event(), e.happenedOn(), e.caseId(), UserNames.shown(names, e.doneBy()), e.note()))
                .toList();
    }
}
