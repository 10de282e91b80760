package org.bulwark.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bulwark.core.casework.CaseKind;
import org.bulwark.core.casework.CaseStatus;
import org.bulwark.core.casework.ProcedureDefinition;
import org.bulwark.core.casework.Step;
import org.bulwark.core.casework.StepRule;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.worklist.WorkItem;
import org.bulwark.platform.worklist.WorklistProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The casework a user's role has to do, counted for the home page: declarations to handle, cases waiting at the
 * steps the role decides, visits due, and for the township and county the cases running late. Overdue first.
 */
@Service
@Transactional(readOnly = true)
class CaseworkWorklist implements WorklistProvider {

    /** Where casework's tasks stand among the other modules' (see {@link WorklistProvider}). */
    private static final int PLACE = 100;

    private final Cases cases;
    private final Visits visits;
    private final CaseworkProcedure procedures;
    private final CurrentUser currentUser;
    private final JdbcClient jdbc;

    CaseworkWorklist(
            Cases cases, Visits visits, CaseworkProcedure procedures, CurrentUser currentUser, JdbcClient jdbc) {
        this.cases = cases;
        this.visits = visits;
        this.procedures = procedures;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
    }

    /** The signed-in user's casework, overdue items first; empty for roles without casework. */
    @Override
    public List<WorkItem> workItems() {
        BulwarkUser user = currentUser.require();
        List<WorkItem> items = new ArrayList<>();
        if (user.can(Role.Permission.HANDLE_CASES)) {
            long waiting = jdbc.sql("""
                    select count(*) from declaration where status = 'RECEIVED' and village_code like :scope
                    """)
                    .param("scope", user.scope().likePattern())
                    .query(Long.class)
                    .single();
            items.add(WorkItem.task(PLACE, "work.declarations", null, waiting, 0, "/declarations"));
            List<SupportCase> open = cases.list(null, CaseStatus.OPEN, null, null, false, 100_000);
            ProcedureDefinition procedure = procedures.definition(user.regionCode());
            Map<Step, long[]> byStep = new TreeMap<>();
            for (SupportCase c : open) {
                StepRule rule = procedures.definition(c.villageCode()).rule(c.kind(), c.step());
                if (rule.decidedBy(user.role().name())) {
                    long[] counts = byStep.computeIfAbsent(c.step(), s -> new long[2]);
                    counts[0]++;
                    counts[1] += c.overdue() ? 1 : 0;
                }
            }
            for (StepRule rule : procedure.steps(CaseKind.IDENTIFICATION)) {
                long[] counts = byStep.get(rule.step());
                if (counts != null || rule.decidedBy(user.role().name())) {
                    items.add(WorkItem.task(
                            PLACE,
                            "work.step",
                            rule.step().name(),
                            counts == null ? 0 : counts[0],
                            counts == null ? 0 : counts[1],
                            "/cases?step=" + rule.step()));
                }
            }
            if (user.can(Role.Permission.ASSIGN_HELPERS)) {
                long late = open.stream().filter(SupportCase::overdue).count();
                items.add(WorkItem.task(PLACE, "work.overdueCases", null, late, late, "/cases?overdue=true"));
            }
        }
        if (user.can(Role.Permission.RECORD_VISITS)) {
            List<VisitDue> due = visits.due(false, 100_000);
            // a household newly given to the helper is as urgent as an overdue visit; the list opens on both, first
            long urgent =
                    due.stream().filter(d -> d.overdue() || d.newlyAssigned()).count();
            items.add(WorkItem.task(
                    PLACE,
                    user.role() == Role.HELPER ? "work.myHouseholds" : "work.visits",
                    null,
                    due.size(),
                    urgent,
                    "/visits"));
        }
        items.sort((a, b) -> Long.compare(b.overdue(), a.overdue()));
        return items;
    }
}
