package org.bulwark.casework;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.identity.CurrentUser;
import org.bulwark.screening.Warning;
import org.bulwark.screening.WarningCases;
import org.bulwark.screening.WarningStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Casework's answer to which case a warning led to: the case it opened (its source), the case it joined when confirmed
 * (case_warning), or — for a warning still open — the case its household has under way. Within the user's region.
 */
@Component
class WarningCaseLinks implements WarningCases {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    WarningCaseLinks(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, CaseLink> of(List<Warning> warnings) {
        Map<Long, CaseLink> links = new HashMap<>();
        if (warnings.isEmpty()) {
            return links;
        }
        Long[] ids = warnings.stream().map(Warning::id).toArray(Long[]::new);
        String scope = currentUser.scope().likePattern();
        jdbc.sql("""
                select c.source_id as warning_id, c.id as case_id, 'OPENED' as relation from support_case c
                where c.channel = 'DEPARTMENT_WARNING' and c.source_id = any(cast(:ids as bigint[]))
                  and c.village_code like :scope
                union all
                select w.warning_id, w.case_id, 'ATTACHED' from case_warning w join support_case c on c.id = w.case_id
                where w.warning_id = any(cast(:ids as bigint[])) and c.village_code like :scope
                """)
                .param("ids", ids)
                .param("scope", scope)
                .query((rs, n) -> links.putIfAbsent(
                        rs.getLong("warning_id"),
                        new CaseLink(rs.getLong("case_id"), Relation.valueOf(rs.getString("relation")))))
                .list();
        Long[] households = warnings.stream()
                .filter(w -> w.state() == WarningStatus.OPEN && w.householdId() != null && !links.containsKey(w.id()))
                .map(Warning::householdId)
                .distinct()
                .toArray(Long[]::new);
        if (households.length > 0) {
            Map<Long, Long> openCases = new HashMap<>();
            jdbc.sql("""
                    select household_id, id from support_case
                    where household_id = any(cast(:h as bigint[])) and status = 'OPEN' and village_code like :scope
                    """)
                    .param("h", households)
                    .param("scope", scope)
                    .query((rs, n) -> openCases.put(rs.getLong("household_id"), rs.getLong("id")))
                    .list();
            warnings.stream()
                    .filter(w -> w.state() == WarningStatus.OPEN
                            && openCases.containsKey(w.householdId())
                            && !links.containsKey(w.id()))
                    .forEach(w -> links.put(
                            w.id(), new CaseLink(openCases.get(w.householdId()), Relation.HOUSEHOLD_CASE_OPEN)));
        }
        return links;
    }
}
