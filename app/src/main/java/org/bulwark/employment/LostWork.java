package org.bulwark.employment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bulwark.identity.CurrentUser;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Labourers of the user's region who lost work lately (issue 15 item 5): out of work now, and their history shows a
 * change from in work to out of work within the last 90 days. A job lost is the moment a visit and a referral help
 * most, so the helper's worklist counts them.
 */
@Service
@Transactional(readOnly = true)
public class LostWork {

    /** How far back a lost job counts: three months. */
    static final Duration WINDOW = Duration.ofDays(90);

    /** A labourer who lost work, and when the history recorded it. */
    public record Lost(LabourerListing labourer, LocalDate lostOn) {}

    // the history rows that turned a labourer from in work to out of work, among the persons with a recent
    // out-of-work row only, so that a county's whole history is never windowed
    private static final String LOST = """
            select person_id, max(changed_at) as lost_at from (
                select person_id, in_work, changed_at,
                       lag(in_work) over (partition by person_id order by id) as was_in_work
                from labourer_history
                where person_id in (select person_id from labourer_history
                                    where not in_work and changed_at >= :since and village_code like :scope)
            ) h
            where was_in_work and not in_work and changed_at >= :since
            group by person_id
            """;

    private static final RowMapper<Lost> ROW = (rs, n) -> new Lost(
            LabourerRepository.LISTING_ROW.mapRow(rs, n),
            rs.getTimestamp("lost_at").toLocalDateTime().toLocalDate());

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;

    LostWork(JdbcClient jdbc, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The labourers of the user's region out of work after losing a job in the last 90 days, latest loss first. */
    public List<Lost> lately() {
        return jdbc.sql("with lost as (" + LOST + ") select x.*, lost.lost_at from ("
                        + LabourerRepository.LISTING + """
                        ) x join lost on lost.person_id = x.person_id
                        where not x.in_work and x.village_code like :scope
                        order by lost.lost_at desc, x.person_id
                        """)
                .param("since", Timestamp.from(since()))
                .param("scope", currentUser.scope().prefix() + "%")
                .query(ROW)
                .list();
    }

    /** How many {@link #lately()} lists. */
    public long count() {
        return jdbc.sql("with lost as (" + LOST + """
                        ) select count(*) from lost join labourer l on l.person_id = lost.person_id
                        where not l.in_work and l.village_code like :scope
                        """)
                .param("since", Timestamp.from(since()))
                .param("scope", currentUser.scope().prefix() + "%")
                .query(Long.class)
                .single();
    }

    private Instant since() {
        return clock.instant().minus(WINDOW);
    }
}
