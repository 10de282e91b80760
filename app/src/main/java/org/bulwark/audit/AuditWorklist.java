package org.bulwark.audit;

import java.util.List;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.worklist.WorkItem;
import org.bulwark.platform.worklist.WorklistProvider;
import org.springframework.stereotype.Component;

/** The audit log on the worklist of the roles that read it. */
@Component
class AuditWorklist implements WorklistProvider {

    private final CurrentUser currentUser;

    AuditWorklist(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public List<WorkItem> workItems() {
        return currentUser.require().can(Role.Permission.READ_AUDIT)
                ? List.of(WorkItem.page(400, "work.audit", "/audit"))
                : List.of();
    }
}
