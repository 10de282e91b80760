package org.bulwark.exchange;

import java.util.List;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.worklist.WorkItem;
import org.bulwark.platform.worklist.WorklistProvider;
import org.springframework.stereotype.Component;

/** The exchange's worklist: the user's recent department batches that rejected rows. */
@Component
class ExchangeWorklist implements WorklistProvider {

    /** How many of the latest batches are looked at. */
    private static final int RECENT = 50;

    private final CurrentUser currentUser;
    private final Batches batches;

    ExchangeWorklist(CurrentUser currentUser, Batches batches) {
        this.currentUser = currentUser;
        this.batches = batches;
    }

    @Override
    public List<WorkItem> workItems() {
        if (!currentUser.require().can(Role.Permission.IMPORT_DEPARTMENT_DATA)) {
            return List.of();
        }
        long withRejects = batches.recent(RECENT).stream()
                .filter(b -> b.rowsRejected() > 0)
                .count();
        return List.of(WorkItem.task(300, "work.batches", null, withRejects, 0, "/exchange"));
    }
}
