package org.bulwark.audit.web;

import org.bulwark.audit.AuditLog;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The audit log page, for county and higher administrators, limited to their region. */
@Controller
class AuditPages {

    private final AuditLog audit;
    private final CurrentUser currentUser;

    AuditPages(AuditLog audit, CurrentUser currentUser) {
        this.audit = audit;
        this.currentUser = currentUser;
    }

    @GetMapping("/audit")
    String list(Model model) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.READ_AUDIT);
        model.addAttribute("entries", audit.recent(user.scope(), null, null, 200));
        model.addAttribute("broken", audit.brokenLinks());
        return "audit/list";
    }
}
