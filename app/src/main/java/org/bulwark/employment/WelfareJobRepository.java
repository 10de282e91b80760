package org.bulwark.employment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.bulwark.core.employment.PostCandidate;
import org.bulwark.core.employment.WelfareDuty;
import org.bulwark.core.employment.WelfareFunding;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.registry.HouseholdCategory;
import org.bulwark.core.registry.LabourCapacity;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Public-welfare posts' and holders' SQL, scoped by the post's village; each holder change writes its history. */
@Repository
class WelfareJobRepository {

    private static final String POSTS = """
            select w.*, (select count(*) from welfare_post_holder h
                         where h.post_id = w.id and h.state <> 'ENDED') as held
            from welfare_post w
            """;

    private static final RowMapper<WelfarePost> POST = (rs, n) -> new WelfarePost(
            rs.getLong("id"),
            rs.getString("village_code"),
            rs.getString("title"),
            WelfareDuty.valueOf(rs.getString("duty")),
            rs.getBigDecimal("monthly_allowance"),
            rs.getInt("places"),
            rs.getObject("term_start", LocalDate.class),
            rs.getObject("term_end", LocalDate.class),
            WelfareFunding.valueOf(rs.getString("funding")),
            rs.getInt("held"),
            rs.getString("updated_by"),
            rs.getTimestamp("updated_at").toInstant(),
            rs.getInt("version"));

    private static final String HOLDERS = """
            select h.*, w.title as post_title, coalesce(p.name, '') as name,
                   coalesce(rh.household_number, '') as household_number
            from welfare_post_holder h
            join welfare_post w on w.id = h.post_id
            left join registry_person p on p.id = h.person_id
            left join registry_household rh on rh.id = h.household_id
            """;

    private static final RowMapper<WelfareHolder> HOLDER = (rs, n) -> new WelfareHolder(
            rs.getLong("id"),
            rs.getLong("post_id"),
            rs.getString("post_title"),
            rs.getLong("person_id"),
            rs.getString("name"),
            rs.getLong("household_id"),
            rs.getString("household_number"),
            rs.getString("village_code"),
            rs.getObject("term_from", LocalDate.class),
            rs.getObject("term_to", LocalDate.class),
            WelfareHolderState.valueOf(rs.getString("state")),
            LabourerRow.list(rs.getArray("reasons"), WelfareReason::valueOf),
            rs.getString("end_reason"),
            rs.getString("updated_by"),
            rs.getTimestamp("updated_at").toInstant(),
            rs.getInt("version"),
            List.of());

    private static final String HISTORY = """
            insert into welfare_post_holder_history (holder_id, state, term_from, term_to, end_reason, changed_by)
            select id, state, term_from, term_to, end_reason, updated_by from h
            """;

    private final JdbcClient jdbc;

    WelfareJobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<WelfarePost> posts(String scope) {
        return jdbc.sql(POSTS + " where w.village_code like :scope order by w.village_code, w.id limit 2000")
                .param("scope", scope + "%")
                .query(POST)
                .list();
    }

    Optional<WelfarePost> post(long id, String scope) {
        return jdbc.sql(POSTS + " where w.id = :id and w.village_code like :scope")
                .param("id", id)
                .param("scope", scope + "%")
                .query(POST)
                .optional();
    }

    /** Locks a post's row, so that two allocations of its places wait for each other. */
    void lockPost(long id) {
        jdbc.sql("select id from welfare_post where id = :id for update")
                .param("id", id)
                .query(Long.class)
                .optional();
    }

    long insertPost(CheckedWelfarePost p, String by) {
        return values(jdbc.sql("""
                        insert into welfare_post (village_code, title, duty, monthly_allowance, places, term_start,
                            term_end, funding, created_by, updated_by)
                        values (:village, :title, :duty, :allowance, :places, :start, :end, :funding, :by, :by)
                        returning id
                        """), p, by).query(Long.class).single();
    }

    boolean updatePost(long id, String scope, CheckedWelfarePost p, String by) {
        return values(jdbc.sql("""
                                update welfare_post set village_code = :village, title = :title, duty = :duty,
                                    monthly_allowance = :allowance, places = :places, term_start = :start,
                                    term_end = :end, funding = :funding, updated_by = :by, updated_at = now(),
                                    version = version + 1
                                where id = :id and version = :version and village_code like :scope
                                """), p, by)
                        .param("id", id)
                        .param("version", p.version())
                        .param("scope", scope + "%")
                        .update()
                == 1;
    }

    private static JdbcClient.StatementSpec values(JdbcClient.StatementSpec sql, CheckedWelfarePost p, String by) {
        return sql.param("village", p.villageCode())
                .param("title", p.title())
                .param("duty", p.duty().name())
                .param("allowance", p.monthlyAllowance())
                .param("places", p.places())
                .param("start", p.termStart())
                .param("end", p.termEnd())
                .param("funding", p.funding().name())
                .param("by", by);
    }

    /**
     * Holders of the region, by village, post and person: of one post when given, only those holding when asked, only
     * those holding whose term ends by {@code endingBy} when given.
     */
    List<WelfareHolder> holders(String scope, Long postId, boolean holdingOnly, LocalDate endingBy) {
        return jdbc.sql(HOLDERS + """
                where h.village_code like :scope
                  and (cast(:post as bigint) is null or h.post_id = cast(:post as bigint))
                  and (not :holding or h.state <> 'ENDED')
                  and (cast(:endingBy as date) is null or (h.state <> 'ENDED' and h.term_to <= cast(:endingBy as date)))
                order by h.village_code, h.post_id, h.state = 'ENDED', h.term_to, h.person_id
                limit 2000
                """)
                .param("scope", scope + "%")
                .param("post", postId)
                .param("holding", holdingOnly || endingBy != null)
                .param("endingBy", endingBy)
                .query(HOLDER)
                .list();
    }

    Optional<WelfareHolder> holder(long id, String scope) {
        return jdbc.sql(HOLDERS + " where h.id = :id and h.village_code like :scope")
                .param("id", id)
                .param("scope", scope + "%")
                .query(HOLDER)
                .optional();
    }

    List<WelfareHolderChange> history(long holderId) {
        return jdbc.sql("select * from welfare_post_holder_history where holder_id = :id order by id desc")
                .param("id", holderId)
                .query((rs, n) -> new WelfareHolderChange(
                        rs.getLong("id"),
                        WelfareHolderState.valueOf(rs.getString("state")),
                        rs.getObject("term_from", LocalDate.class),
                        rs.getObject("term_to", LocalDate.class),
                        rs.getString("end_reason"),
                        rs.getString("changed_by"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    /**
     * The labourers of a village as allocation candidates: in other work (in work, not in a public-welfare job),
     * capacity, the household's category and latest income per person, and whether they hold a post now.
     */
    List<WelfareCandidate> candidates(String village) {
        return jdbc.sql("""
                select l.person_id, l.household_id, l.village_code, l.labour_capacity,
                       l.in_work and l.work_mode is distinct from 'PUBLIC_WELFARE' as works_elsewhere,
                       rh.category, rh.household_number, p.name,
                       (select net_income from income_net_income i where i.household_id = l.household_id
                        order by i.year desc limit 1) as net,
                       (select count(*) from registry_person m where m.household_id = l.household_id) as members,
                       exists (select 1 from welfare_post_holder x
                               where x.person_id = l.person_id and x.state <> 'ENDED') as holds
                from labourer l
                join registry_household rh on rh.id = l.household_id
                join registry_person p on p.id = l.person_id
                where l.village_code = :village
                order by l.person_id
                """)
                .param("village", village)
                .query((rs, n) -> {
                    BigDecimal net = rs.getBigDecimal("net");
                    long members = Math.max(1, rs.getLong("members"));
                    BigDecimal perCapita =
                            net == null ? null : net.divide(BigDecimal.valueOf(members), 0, RoundingMode.FLOOR);
                    return new WelfareCandidate(
                            new PostCandidate(
                                    rs.getLong("person_id"),
                                    rs.getLong("household_id"),
                                    RegionCode.parse(rs.getString("village_code")),
                                    rs.getBoolean("works_elsewhere"),
                                    LabourCapacity.valueOf(rs.getString("labour_capacity")),
                                    HouseholdCategory.valueOf(rs.getString("category")),
                                    // no income on record comes after every known income (our choice)
                                    perCapita == null ? Long.MAX_VALUE : perCapita.longValueExact(),
                                    false,
                                    rs.getBoolean("holds")),
                            rs.getString("name"),
                            rs.getString("household_number"),
                            perCapita);
                })
                .list();
    }

    long insertHolder(
            WelfarePost post,
            WelfareCandidate c,
            List<WelfareReason> reasons,
            LocalDate from,
            LocalDate to,
            String by) {
        return jdbc.sql("""
                        with h as (
                            insert into welfare_post_holder (post_id, person_id, household_id, village_code,
                                term_from, term_to, state, reasons, created_by, updated_by)
                            values (:post, :person, :household, :village, :from, :to, 'HOLDING',
                                cast(:reasons as text[]), :by, :by)
                            returning *
                        ), hh as (""" + HISTORY + """
                        )
                        select id from h
                        """)
                .param("post", post.id())
                .param("person", c.candidate().personId())
                .param("household", c.candidate().householdId())
                .param("village", post.villageCode())
                .param("from", from)
                .param("to", to)
                .param("reasons", LabourerRow.names(reasons))
                .param("by", by)
                .query(Long.class)
                .single();
    }

    /** Moves a holder to a state and term; false when the version is not the holder's (someone changed it since). */
    boolean changeHolder(
            long id, int version, WelfareHolderState state, LocalDate termTo, String endReason, String by) {
        return jdbc.sql("""
                        with h as (
                            update welfare_post_holder set state = :state, term_to = :to, end_reason = :reason,
                                updated_by = :by, updated_at = now(), version = version + 1
                            where id = :id and version = :version
                            returning *
                        )
                        """ + HISTORY)
                        .param("id", id)
                        .param("version", version)
                        .param("state", state.name())
                        .param("to", termTo)
                        .param("reason", endReason)
                        .param("by", by)
                        .update()
                == 1;
    }

    /** A removed household's holders go with it (their history by cascade). */
    void removeHousehold(long householdId) {
        jdbc.sql("delete from welfare_post_holder where household_id = :h")
                .param("h", householdId)
                .update();
    }
}
