package org.bulwark.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.worklist.WorkItem;
import org.bulwark.platform.worklist.WorklistProvider;
import org.springframework.stereotype.Component;

/** Screening's worklist: the open warnings to verify, and the rule, screening and shadow-screening pages. */
@Component
class ScreeningWorklist implements WorklistProvider {

    private final CurrentUser currentUser;
    private final Warnings warnings;

    ScreeningWorklist(CurrentUser currentUser, Warnings warnings) {
        this.currentUser = currentUser;
        this.warnings = warnings;
    }

    @Override
    public List<WorkItem> workItems() {
        BulwarkUser user = currentUser.require();
        List<WorkItem> items = new ArrayList<>();
        if (user.can(Role.Permission.VERIFY_WARNINGS)) {
            Map<String, Long> counts = warnings.counts();
            long overdue = counts.get("overdue");
            items.add(WorkItem.task(
                    200,
                    "work.warnings",
                    null,
                    counts.get("open"),
                    overdue,
                    overdue > 0 ? "/warnings?overdue=true" : "/warnings"));
        }
        if (user.can(Role.Permission.RUN_SCREENING)) {
            items.add(WorkItem.page(100, "work.rules", "/rules"));
            items.add(WorkItem.page(300, "work.screening", "/screening"));
            items.add(WorkItem.page(310, "work.shadow", "/screening#shadow"));
        }
        return items;
    }
}
