package org.bulwark.registry;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The households of some villages, for the platform's own work rather than a user's (re-screening the households of
 * the villages a stored batch's village-wide records are about): no scope applies.
 */
@Repository
@Transactional(readOnly = true)
public class VillageHouseholds {

    private final JdbcClient jdbc;

    VillageHouseholds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ids of the households of these villages. */
    public List<Long> idsIn(Collection<String> villageCodes) {
        if (villageCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select h.id from household h" + " where h.village_code = any(cast(:villages as varchar[]))")
                .param("villages", villageCodes.toArray(String[]::new))
                .query(Long.class)
                .list();
    }
}
