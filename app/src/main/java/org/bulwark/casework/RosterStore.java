package org.bulwark.casework;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.bulwark.core.casework.MonitoringState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of roster imports: what a household already has, and writing its history marked with file and row. */
@Repository
class RosterStore {

    /**
     * What a household already has in casework.
     *
     * @param fingerprint     the fingerprint of the roster that brought it in, or null
     * @param openCase        a case is under way
     * @param platformHistory events, helper assignments or plan measures made here, not brought in by a roster
     * @param monitored       the household has a monitoring row
     */
    record Existing(String fingerprint, boolean openCase, int platformHistory, boolean monitored) {}

    /** The counts of an import, for its row. */
    record Counts(int rows, long added, long changed, long unchanged, long refusedRows) {}

    private final JdbcClient jdbc;

    RosterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Existing existing(long householdId) {
        return jdbc.sql("""
                select (select fingerprint from roster_household where household_id = :h) as fingerprint,
                       exists (select 1 from support_case where household_id = :h and status = 'OPEN') as open_case,
                       (select count(*) from monitoring_event where household_id = :h and roster_import_id is null)
                       + (select count(*) from helper_assignment where household_id = :h and roster_import_id is null)
                       + (select count(*) from plan_measure where household_id = :h and roster_import_id is null)
                           as platform_history,
                       exists (select 1 from monitoring where household_id = :h) as monitored
                """)
                .param("h", householdId)
                .query((rs, n) -> new Existing(
                        rs.getString("fingerprint"),
                        rs.getBoolean("open_case"),
                        rs.getInt("platform_history"),
                        rs.getBoolean("monitored")))
                .single();
    }

    long insertImport(String fileName, String sha256, String regionCode, Counts counts, String by) {
        return jdbc.sql("""
                insert into roster_import (file_name, sha256, region_code, rows_total, households_new,
                    households_changed, households_unchanged, rows_refused, imported_by)
                values (:f, :s, :r, :rows, :n, :c, :u, :x, :by) returning id
                """)
                .param("f", fileName)
                .param("s", sha256)
                .param("r", regionCode)
                .param("rows", counts.rows())
                .param("n", counts.added())
                .param("c", counts.changed())
                .param("u", counts.unchanged())
                .param("x", counts.refusedRows())
                .param("by", by)
                .query(Long.class)
                .single();
    }

    /** Removes what an earlier roster brought in for the household, before the corrected roster's rows replace it. */
    void clear(long householdId) {
        for (String table : List.of("monitoring_event", "plan_measure", "helper_assignment")) {
            jdbc.sql("delete from " + table + " where household_id = :h and roster_import_id is not null")
                    .param("h", householdId)
                    .update();
        }
        jdbc.sql("delete from monitoring where household_id = :h")
                .param("h", householdId)
                .update();
    }

    /** Writes the household's periods: events, the monitoring row, helpers, measures and the roster's fingerprint. */
    void write(long importId, String fileName, RosterHousehold household, String by) {
        long h = household.householdId();
        List<RosterRow> periods = household.periods();
        for (int i = 0; i < periods.size(); i++) {
            RosterRow p = periods.get(i);
            String note = "据县级监测名单录入：" + fileName + " 第 " + p.row() + " 行";
            event(h, i == 0 ? "IDENTIFIED" : "REENTERED", p.identifiedOn(), by, note, importId, p.row());
            if (p.eliminatedOn() != null) {
                event(h, "ELIMINATED", p.eliminatedOn(), by, note + (p.naturally() ? "；自然消除" : ""), importId, p.row());
            }
            if (p.reversedOn() != null) {
                event(h, "REVERSED", p.reversedOn(), by, note + "；返贫", importId, p.row());
            }
            LocalDate next = i + 1 < periods.size() ? periods.get(i + 1).identifiedOn() : null;
            RosterHousehold.RosterHelper helper = household.helpers().get(p.row());
            if (helper != null) {
                assignment(h, helper, p, next, by, importId, household.villageCode());
            }
            for (RosterRow.Measure m : p.measures()) {
                measure(h, p, m, by, importId);
            }
        }
        monitoring(household);
        jdbc.sql("""
                insert into roster_household (household_id, roster_import_id, first_row, fingerprint)
                values (:h, :i, :r, :f)
                on conflict (household_id) do update
                    set roster_import_id = excluded.roster_import_id, first_row = excluded.first_row,
                        fingerprint = excluded.fingerprint
                """)
                .param("h", h)
                .param("i", importId)
                .param("r", periods.stream().mapToLong(RosterRow::row).min().orElseThrow())
                .param("f", household.fingerprint())
                .update();
    }

    private void monitoring(RosterHousehold household) {
        RosterRow last = household.last();
        boolean eliminated = household.state() == MonitoringState.ELIMINATED;
        jdbc.sql("""
                insert into monitoring (household_id, village_code, status, monitoring_type, risk_types, identified_on,
                    first_identified_on, eliminated_on, times_identified)
                values (:h, :v, :status, :type, :risks, :on, :first, :eliminated, :times)
                """)
                .param("h", household.householdId())
                .param("v", household.villageCode())
                .param("status", household.state().name())
                .param("type", last.type().name())
                .param("risks", RiskTypes.join(EnumSet.copyOf(last.risks())))
                .param("on", last.identifiedOn())
                .param("first", household.periods().get(0).identifiedOn())
                .param("eliminated", eliminated ? last.eliminatedOn() : null)
                .param("times", household.periods().size())
                .update();
    }

    private void event(long h, String event, LocalDate on, String by, String note, long importId, long row) {
        jdbc.sql("""
                insert into monitoring_event (household_id, event, happened_on, done_by, note, roster_import_id,
                    roster_row)
                values (:h, :e, :on, :by, :note, :i, :r)
                """)
                .param("h", h)
                .param("e", event)
                .param("on", on)
                .param("by", by)
                .param("note", note)
                .param("i", importId)
                .param("r", row)
                .update();
    }

    private void assignment(
            long h,
            RosterHousehold.RosterHelper helper,
            RosterRow period,
            LocalDate endsOn,
            String by,
            long importId,
            String village) {
        Long person = helper.accountId() == null ? helperPerson(village, helper, importId) : null;
        jdbc.sql("""
                insert into helper_assignment (household_id, helper_id, helper_person_id, starts_on, ends_on,
                    assigned_by, reason, roster_import_id, roster_row)
                values (:h, :account, :person, :starts, :ends, :by, '据县级监测名单录入', :i, :r)
                """)
                .param("h", h)
                .param("account", helper.accountId())
                .param("person", person)
                .param("starts", period.identifiedOn())
                .param("ends", endsOn)
                .param("by", by)
                .param("i", importId)
                .param("r", period.row())
                .update();
    }

    /** The helper without an account, once per county by name and phone. */
    private long helperPerson(String village, RosterHousehold.RosterHelper helper, long importId) {
        String county = village.substring(0, 6);
        Optional<Long> found = jdbc.sql(
                        "select id from helper_person where county_code = :c and name = :n and phone = :p")
                .param("c", county)
                .param("n", helper.name())
                .param("p", helper.phone())
                .query(Long.class)
                .optional();
        return found.orElseGet(() -> jdbc.sql("""
                        insert into helper_person (county_code, name, phone, roster_import_id)
                        values (:c, :n, :p, :i) returning id
                        """)
                .param("c", county)
                .param("n", helper.name())
                .param("p", helper.phone())
                .param("i", importId)
                .query(Long.class)
                .single());
    }

    private void measure(long h, RosterRow period, RosterRow.Measure m, String by, long importId) {
        jdbc.sql("""
                insert into plan_measure (household_id, category, risk_type, department, description, starts_on,
                    ends_on, status, delivered_on, recorded_by, roster_import_id, roster_row)
                values (:h, :cat, :risk, :dept, :content, :starts, :ends, 'DELIVERED', :starts, :by, :i, :r)
                """)
                .param("h", h)
                .param("cat", m.category().name())
                .param(
                        "risk",
                        RosterMeasureRisk.of(m.category(), EnumSet.copyOf(period.risks()))
                                .name())
                .param("dept", m.department())
                .param("content", m.content().isEmpty() ? null : m.content())
                .param("starts", m.startsOn())
                .param("ends", m.endsOn())
                .param("by", by)
                .param("i", importId)
                .param("r", period.row())
                .update();
    }
}
