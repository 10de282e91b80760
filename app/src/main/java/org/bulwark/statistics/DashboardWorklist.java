package org.bulwark.statistics;

import java.util.List;
import org.bulwark.platform.worklist.WorkItem;
import org.bulwark.platform.worklist.WorklistProvider;
import org.springframework.stereotype.Component;

/** The dashboard, last on every role's worklist: every role reads the figures of its region. */
@Component
class DashboardWorklist implements WorklistProvider {

    @Override
    public List<WorkItem> workItems() {
        return List.of(WorkItem.page(900, "work.dashboard", "/dashboard"));
    }
}
