package org.bulwark.identity;

import java.util.List;
import org.bulwark.platform.worklist.WorkItem;
import org.bulwark.platform.worklist.WorklistProvider;
import org.springframework.stereotype.Component;

/** The account administrator's worklist: locked accounts, and the accounts page with the disabled ones counted. */
@Component
class AccountWorklist implements WorklistProvider {

    private final CurrentUser currentUser;
    private final UserAdministration users;

    AccountWorklist(CurrentUser currentUser, UserAdministration users) {
        this.currentUser = currentUser;
        this.users = users;
    }

    @Override
    public List<WorkItem> workItems() {
        BulwarkUser user = currentUser.require();
        // the system administrator (accounts) and the security administrator (roles, lockouts) look after accounts
        if (!user.can(Role.Permission.MANAGE_ACCOUNTS) && !user.can(Role.Permission.MANAGE_ROLES)) {
            return List.of();
        }
        UserCounts accounts = users.counts();
        // a locked account is someone who cannot work until the lockout ends or an administrator lifts it
        return List.of(
                WorkItem.task(400, "work.lockedUsers", null, accounts.locked(), 0, "/users?state=LOCKED"),
                WorkItem.page(200, "work.users", accounts.disabled(), "/users"));
    }
}
