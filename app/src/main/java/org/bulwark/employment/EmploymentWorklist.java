package org.bulwark.employment;

import java.util.List;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.worklist.WorkItem;
import org.bulwark.platform.worklist.WorklistProvider;
import org.springframework.stereotype.Component;

/**
 * Employment's line on the worklist of those who look after labourers (helper, village, employment office): the
 * labourers of their region who lost work in the last three months.
 */
@Component
class EmploymentWorklist implements WorklistProvider {

    /** Where employment's task stands among the other modules' (see {@link WorklistProvider}). */
    private static final int PLACE = 150;

    private final LostWork lostWork;
    private final CurrentUser currentUser;

    EmploymentWorklist(LostWork lostWork, CurrentUser currentUser) {
        this.lostWork = lostWork;
        this.currentUser = currentUser;
    }

    @Override
    public List<WorkItem> workItems() {
        BulwarkUser user = currentUser.require();
        if (!user.can(Role.Permission.EDIT_LABOURERS)) {
            return List.of();
        }
        long count = lostWork.count();
        // only when someone lost work: a standing zero would be one more line a cadre reads for nothing
        return count == 0
                ? List.of()
                : List.of(WorkItem.task(PLACE, "work.lostWork", null, count, 0, "/employment/lost-work"));
    }
}
