package org.bulwark.casework;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.audit.AuditedHouseholds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit page's household filter: the household's cases, their attachments and declarations, plan measures and
 * visits (its monitoring status and helper are audited under the household's own id).
 */
@Component
class CaseworkAuditedParts implements AuditedHouseholds {

    private final JdbcClient jdbc;

    CaseworkAuditedParts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, List<String>> parts(long householdId) {
        Map<String, List<String>> parts = new LinkedHashMap<>();
        parts.put("monitoring", List.of(String.valueOf(householdId)));
        parts.put("helper_assignment", List.of(String.valueOf(householdId)));
        parts.put("case", ids("select id::text from support_case where household_id = :h", householdId));
        parts.put("case_attachment", ids("select id::text from case_attachment where household_id = :h", householdId));
        parts.put(
                "declaration",
                ids(
                        "select d.id::text from declaration d join support_case c on c.id = d.case_id"
                                + " where c.household_id = :h",
                        householdId));
        parts.put("plan_measure", ids("select id::text from plan_measure where household_id = :h", householdId));
        parts.put("visit", ids("select id::text from visit where household_id = :h", householdId));
        return parts;
    }

    private List<String> ids(String sql, long householdId) {
        return jdbc.sql(sql).param("h", householdId).query(String.class).list();
    }
}
