package org.bulwark.employment;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Public-welfare posts and their places by region, for figures (dashboards): a caller that already scoped the
 * reader gives the region prefix and the length of the code to group by (2, 4, 6, 9 or 12 digits), and gets for each
 * group the posts whose term covers the day, their places, the places held that day and the households holding them,
 * of those the formerly-poor and monitored ones. Not scoped by the current user: the caller's figures are.
 */
@Component
public class WelfareJobPlaces {

    /** One group's posts and places; {@code group} is the code prefix of the group's region. */
    public record Places(
            String group, long posts, long places, long held, long households, long formerlyPoor, long monitored) {}

    private final JdbcClient jdbc;

    WelfareJobPlaces(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Places> byRegion(String regionPrefix, int groupLength, LocalDate day) {
        int length = Math.max(2, Math.min(12, groupLength));
        return jdbc.sql("""
                with post as (
                    select w.id, substr(w.village_code, 1, :len) as grp, w.places
                    from welfare_post w
                    where w.village_code like :region and w.term_start <= :day and w.term_end >= :day
                ), held as (
                    select p.grp, h.household_id, rh.category
                    from welfare_post_holder h
                    join post p on p.id = h.post_id
                    left join registry_household rh on rh.id = h.household_id
                    where h.term_from <= :day and h.term_to >= :day
                )
                select p.grp, count(*) as posts, sum(p.places) as places,
                       coalesce((select count(*) from held h where h.grp = p.grp), 0) as held,
                       coalesce((select count(distinct h.household_id) from held h where h.grp = p.grp), 0) as households,
                       coalesce((select count(distinct h.household_id) from held h
                                 where h.grp = p.grp and h.category = 'FORMERLY_POOR'), 0) as formerly_poor,
                       coalesce((select count(distinct h.household_id) from held h
                                 where h.grp = p.grp and h.category = 'MONITORED'), 0) as monitored
                from post p
                group by p.grp
                order by p.grp
                """)
                .param("len", length)
                .param("region", regionPrefix + "%")
                .param("day", day)
                .query((rs, n) -> new Places(
                        rs.getString("grp"),
                        rs.getLong("posts"),
                        rs.getLong("places"),
                        rs.getLong("held"),
                        rs.getLong("households"),
                        rs.getLong("formerly_poor"),
                        rs.getLong("monitored")))
                .list();
    }
}
