package org.bulwark.statistics;

import java.util.List;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.worklist.WorkItem;
import org.bulwark.platform.worklist.WorklistProvider;
import org.springframework.stereotype.Component;

/**
 * The dashboard, last on the worklist of every role that reads households (the figures of its region); the three
 * privileged administrators read none.
 */
@Component
class DashboardWorklist implements WorklistProvider {

    private final CurrentUser currentUser;

    DashboardWorklist(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public List<WorkItem> workItems() {
        if (!currentUser.require().can(Role.Permission.READ_HOUSEHOLDS)) {
            return List.of();
        }
        return List.of(WorkItem.page(900, "work.dashboard", "/dashboard"));
    }
}
