package org.bulwark.employment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.bulwark.core.region.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Derives the labour registry from the registry's published views: every person aged 16 to 64 who is able or weak
 * labour, of a formerly-poor or monitored household. Idempotent: a second run changes nothing. New labourers are
 * added (their work as the registry records it), those whose household, village or capacity changed are updated, and
 * those who no longer qualify are removed — each with a history row. A labourer's work, skills and wishes, which
 * department records, visits and the office keep, are never overwritten by the registry.
 */
@Service
@Transactional
public class LabourRegistryRefresh {

    /** Who the derivation's changes are by (pages show names starting "system-" as the system's). */
    public static final String SYSTEM_NAME = "system-labour-registry";

    /** How many labourers a refresh added, changed and removed. */
    public record Outcome(int added, int changed, int removed) {}

    private static final String CANDIDATES = """
            with candidate as (
                select p.id as person_id, p.household_id, h.village_code, p.labour_capacity,
                       w.employment, w.employment_place, w.employment_months
                from registry_person p
                join registry_household h on h.id = p.household_id
                join registry_person_work w on w.id = p.id
                where h.category in ('FORMERLY_POOR', 'MONITORED')
                  and p.labour_capacity in ('ABLE', 'WEAK')
                  and p.birth_date <= :youngest and p.birth_date > :oldest
                  and h.village_code like :scope
                  and (cast(:all as boolean) or h.id = any(cast(:households as bigint[])))
            )
            """;

    private static final String REMOVE =
            CANDIDATES + """
            , removed as (
                delete from labourer l
                where l.village_code like :scope
                  and (cast(:all as boolean) or l.household_id = any(cast(:households as bigint[])))
                  and not exists (select 1 from candidate c where c.person_id = l.person_id)
                returning l.*
            )
            """ + LabourerHistorySql.insertFrom("removed", LabourerChange.Kind.REMOVED, ":by");

    private static final String CHANGE =
            CANDIDATES + """
            , changed as (
                update labourer l
                set household_id = c.household_id, village_code = c.village_code,
                    labour_capacity = c.labour_capacity, source = 'REGISTRY', source_record_id = null,
                    updated_by = :by, updated_at = now(), version = l.version + 1
                from candidate c
                where c.person_id = l.person_id
                  and (l.household_id, l.village_code, l.labour_capacity)
                      is distinct from (c.household_id, c.village_code, c.labour_capacity)
                returning l.*
            )
            """ + LabourerHistorySql.insertFrom("changed", LabourerChange.Kind.CHANGED, "updated_by");

    // the registry's employment is the first state: EMPLOYED and SELF_EMPLOYED are in work (farming one's own
    // land is not, as the programme counts it: LabourFigures)
    private static final String ADD =
            CANDIDATES + """
            , added as (
                insert into labourer (person_id, household_id, village_code, labour_capacity, in_work, place,
                                      work_mode, months_worked, months_year, source, updated_by)
                select c.person_id, c.household_id, c.village_code, c.labour_capacity,
                       coalesce(c.employment in ('EMPLOYED', 'SELF_EMPLOYED'), false),
                       case when c.employment in ('EMPLOYED', 'SELF_EMPLOYED') then c.employment_place end,
                       case when c.employment = 'SELF_EMPLOYED' then 'SELF_EMPLOYED' end,
                       c.employment_months, :year, 'REGISTRY', :by
                from candidate c
                where not exists (select 1 from labourer l where l.person_id = c.person_id)
                on conflict (person_id) do nothing
                returning *
            )
            """ + LabourerHistorySql.insertFrom("added", LabourerChange.Kind.ADDED, "updated_by");

    // a referral is read where its labourer lives: when a household moves, its labourers' referrals move with it,
    // so the old village no longer sees them and the new one does
    private static final String FOLLOW = """
            update referral r
            set household_id = l.household_id, village_code = l.village_code
            from labourer l
            where l.person_id = r.person_id
              and l.village_code like :scope
              and (cast(:all as boolean) or l.household_id = any(cast(:households as bigint[])))
              and (r.household_id, r.village_code) is distinct from (l.household_id, l.village_code)
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    LabourRegistryRefresh(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Derives every labourer of a region again (a county at the demo's start, a province from the CLI). */
    public Outcome region(RegionCode region, String by) {
        return run(region.prefix(), true, List.of(), by);
    }

    /** Derives the labourers of these households again (after the registry changed them). */
    public Outcome households(List<Long> householdIds, String by) {
        return run("", false, householdIds, by);
    }

    private Outcome run(String prefix, boolean all, List<Long> households, String by) {
        int removed = statement(REMOVE, prefix, all, households, by).update();
        int changed = statement(CHANGE, prefix, all, households, by).update();
        if (changed > 0) {
            statement(FOLLOW, prefix, all, households, by).update();
        }
        int added = statement(ADD, prefix, all, households, by).update();
        return new Outcome(added, changed, removed);
    }

    private StatementSpec statement(String sql, String prefix, boolean all, List<Long> households, String by) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql(sql)
                .param("youngest", today.minusYears(16))
                .param("oldest", today.minusYears(65))
                .param("scope", prefix + "%")
                .param("all", all)
                .param("households", households.toArray(Long[]::new))
                .param("year", today.getYear())
                .param("by", by);
    }
}
