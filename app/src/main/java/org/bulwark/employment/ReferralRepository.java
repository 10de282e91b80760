package org.bulwark.employment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.core.employment.EmployerKind;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Referrals' SQL, scoped by the labourer's village; every state change writes its history row in the same statement. */
@Repository
class ReferralRepository {

    private static final String SELECT = """
            select r.*, p.name as labourer_name, po.title, po.region_code as posting_region, po.monthly_wage,
                   po.employer_id, e.name as employer_name
            from referral r
            join registry_person p on p.id = r.person_id
            join posting po on po.id = r.posting_id
            join employer e on e.id = po.employer_id
            """;

    private static final RowMapper<Referral> ROW = (rs, n) -> new Referral(
            rs.getLong("id"),
            rs.getLong("person_id"),
            rs.getLong("household_id"),
            rs.getString("village_code"),
            rs.getString("labourer_name"),
            rs.getLong("posting_id"),
            rs.getString("title"),
            rs.getString("posting_region"),
            rs.getBigDecimal("monthly_wage"),
            rs.getLong("employer_id"),
            rs.getString("employer_name"),
            ReferralState.valueOf(rs.getString("state")),
            rs.getString("refusal_reason"),
            rs.getString("created_by"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getString("updated_by"),
            rs.getTimestamp("updated_at").toInstant(),
            rs.getInt("version"),
            (Long) rs.getObject("plan_measure_id"));

    private static final RowMapper<ReferralChange> CHANGE = (rs, n) -> new ReferralChange(
            rs.getLong("id"),
            ReferralState.valueOf(rs.getString("state")),
            rs.getString("refusal_reason"),
            rs.getString("changed_by"),
            rs.getTimestamp("changed_at").toInstant());

    private static final String HISTORY = """
            insert into referral_history (referral_id, state, refusal_reason, changed_by)
            select id, state, refusal_reason, updated_by from r
            """;

    private final JdbcClient jdbc;

    ReferralRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Referral> find(long id, String scope) {
        return jdbc.sql(SELECT + " where r.id = :id and r.village_code like :scope")
                .param("id", id)
                .param("scope", scope + "%")
                .query(ROW)
                .optional();
    }

    /** Referrals of the user's region, newest first: of one labourer, of one household or one posting when given. */
    List<Referral> search(String scope, Long personId, Long householdId, Long postingId, ReferralState state) {
        return jdbc.sql(SELECT + """
                where r.village_code like :scope
                  and (cast(:person as bigint) is null or r.person_id = cast(:person as bigint))
                  and (cast(:household as bigint) is null or r.household_id = cast(:household as bigint))
                  and (cast(:posting as bigint) is null or r.posting_id = cast(:posting as bigint))
                  and (cast(:state as varchar) is null or r.state = cast(:state as varchar))
                order by r.updated_at desc, r.id desc limit 500
                """)
                .param("scope", scope + "%")
                .param("person", personId)
                .param("household", householdId)
                .param("posting", postingId)
                .param("state", LabourerRow.name(state))
                .query(ROW)
                .list();
    }

    List<ReferralChange> history(long referralId) {
        return jdbc.sql("select * from referral_history where referral_id = :id order by id desc")
                .param("id", referralId)
                .query(CHANGE)
                .list();
    }

    /** The states of each of {@code referralIds}, newest first, in one statement for a whole list of cards. */
    Map<Long, List<ReferralChange>> histories(Collection<Long> referralIds) {
        Map<Long, List<ReferralChange>> histories = new HashMap<>();
        if (referralIds.isEmpty()) {
            return histories;
        }
        jdbc.sql("select * from referral_history where referral_id = any(:ids) order by referral_id, id desc")
                .param("ids", referralIds.toArray(Long[]::new))
                .query((rs, n) -> Map.entry(rs.getLong("referral_id"), CHANGE.mapRow(rs, n)))
                .list()
                .forEach(e -> histories
                        .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        return histories;
    }

    /**
     * Makes the referral the one carrying out the plan's measure (or, with null, carries out none): a measure's earlier
     * referral lets go of it. Says which referrals changed.
     */
    List<Long> linkMeasure(long referralId, Long measureId, String by) {
        List<Long> changed = new ArrayList<>();
        if (measureId != null) {
            changed.addAll(jdbc.sql("""
                            update referral set plan_measure_id = null, updated_by = :by, updated_at = now(),
                                version = version + 1
                            where plan_measure_id = :measure and id <> :id
                            returning id
                            """)
                    .param("measure", measureId)
                    .param("id", referralId)
                    .param("by", by)
                    .query(Long.class)
                    .list());
        }
        changed.addAll(jdbc.sql("""
                        update referral set plan_measure_id = :measure, updated_by = :by, updated_at = now(),
                            version = version + 1
                        where id = :id and plan_measure_id is distinct from :measure
                        returning id
                        """)
                .param("measure", measureId)
                .param("id", referralId)
                .param("by", by)
                .query(Long.class)
                .list());
        return changed;
    }

    boolean live(long personId, long postingId) {
        return jdbc.sql("select count(*) from referral where person_id = :person and posting_id = :posting"
                                + " and state <> 'REFUSED'")
                        .param("person", personId)
                        .param("posting", postingId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    long insert(Labourer labourer, long postingId, String by) {
        return jdbc.sql("""
                        with r as (
                            insert into referral (person_id, household_id, village_code, posting_id, state,
                                created_by, updated_by)
                            values (:person, :household, :village, :posting, 'PROPOSED', :by, :by)
                            returning *
                        ), h as (""" + HISTORY + """
                        )
                        select id from r
                        """)
                .param("person", labourer.personId())
                .param("household", labourer.householdId())
                .param("village", labourer.villageCode())
                .param("posting", postingId)
                .param("by", by)
                .query(Long.class)
                .single();
    }

    /** Moves a referral; false when the version is not the referral's (someone moved it since). */
    boolean move(long id, int version, ReferralState state, String reason, String by) {
        return jdbc.sql("""
                        with r as (
                            update referral set state = :state, refusal_reason = :reason, updated_by = :by,
                                updated_at = now(), version = version + 1
                            where id = :id and version = :version
                            returning *
                        )
                        """ + HISTORY)
                        .param("id", id)
                        .param("version", version)
                        .param("state", state.name())
                        .param("reason", reason)
                        .param("by", by)
                        .update()
                == 1;
    }

    /** A posting by id wherever it is: a labourer's reach may pass beyond the user's region. */
    Optional<Posting> posting(long id) {
        return jdbc.sql(PostingRepository.SELECT + "where p.id = :id")
                .param("id", id)
                .query(PostingRepository.ROW)
                .optional();
    }

    EmployerKind employerKind(long employerId) {
        return EmployerKind.valueOf(jdbc.sql("select kind from employer where id = :id")
                .param("id", employerId)
                .query(String.class)
                .single());
    }

    /** Takes one opening of a hire off the posting, closing it at the last; false when none was left. */
    boolean takeOpening(long postingId, String by) {
        return jdbc.sql("""
                        update posting set openings = openings - 1,
                            state = case when openings = 1 then 'CLOSED' else state end,
                            updated_by = :by, updated_at = now(), version = version + 1
                        where id = :id and openings > 0
                        """).param("id", postingId).param("by", by).update() == 1;
    }

    void removeHousehold(long householdId) {
        jdbc.sql("delete from referral where household_id = :h")
                .param("h", householdId)
                .update();
    }
}
