package org.bulwark.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bulwark.core.registry.HouseholdCategory;
import org.bulwark.identity.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Counts of the registry within the signed-in user's region. */
@Service
@Transactional(readOnly = true)
public class RegistryFigures {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    RegistryFigures(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    /** Households per category and persons in the user's region. */
    public record Counts(Map<HouseholdCategory, Long> householdsByCategory, long persons) {}

    public Counts counts() {
        String scope = currentUser.scope().likePattern();
        Map<HouseholdCategory, Long> byCategory = new LinkedHashMap<>();
        for (HouseholdCategory c : HouseholdCategory.values()) {
            byCategory.put(c, 0L);
        }
        jdbc.sql("select category, count(*) as n from household where village_code like :s group by category")
                .param("s", scope)
                .query((rs, n) -> byCategory.put(HouseholdCategory.valueOf(rs.getString("category")), rs.getLong("n")))
                .list();
        long persons = jdbc.sql("""
                select count(*) from person p join household h on h.id = p.household_id where h.village_code like :s
                """).param("s", scope).query(Long.class).single();
        return new Counts(byCategory, persons);
    }
}
