package org.bulwark.screening;

import java.util.List;
import java.util.Map;
import org.bulwark.audit.AuditedHouseholds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The audit page's household filter: the warnings raised about the household. */
@Component
class ScreeningAuditedParts implements AuditedHouseholds {

    private final JdbcClient jdbc;

    ScreeningAuditedParts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, List<String>> parts(long householdId) {
        return Map.of(
                "warning",
                jdbc.sql("select id::text from warning where household_id = :h")
                        .param("h", householdId)
                        .query(String.class)
                        .list());
    }
}
