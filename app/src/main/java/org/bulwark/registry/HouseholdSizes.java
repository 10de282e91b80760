package org.bulwark.registry;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.bulwark.identity.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many members households have today, for figures other modules report in persons (the quarterly casework
 * figures): read here so that no other module counts the registry's rows itself.
 */
@Service
@Transactional(readOnly = true)
public class HouseholdSizes {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    HouseholdSizes(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    /**
     * The number of members of each of these households that lies in the user's region; households outside it, and
     * households without members, are absent from the answer.
     */
    public Map<Long, Integer> memberCounts(Collection<Long> householdIds) {
        Map<Long, Integer> counts = new HashMap<>();
        if (householdIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                select p.household_id, count(*) as members
                from person p join household h on h.id = p.household_id
                where p.household_id = any(cast(:ids as bigint[])) and h.village_code like :scope
                group by p.household_id
                """)
                .param("ids", householdIds.toArray(Long[]::new))
                .param("scope", currentUser.scope().likePattern())
                .query((rs, n) -> counts.put(rs.getLong("household_id"), rs.getInt("members")))
                .list();
        return counts;
    }
}
