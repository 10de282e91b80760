package org.bulwark.income;

import java.util.List;
import java.util.Map;
import org.bulwark.audit.AuditedHouseholds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The audit page's household filter: the household's income records. */
@Component
class IncomeAuditedParts implements AuditedHouseholds {

    private final JdbcClient jdbc;

    IncomeAuditedParts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, List<String>> parts(long householdId) {
        return Map.of(
                "income",
                jdbc.sql("select id::text from household_income where household_id = :h")
                        .param("h", householdId)
                        .query(String.class)
                        .list());
    }
}
