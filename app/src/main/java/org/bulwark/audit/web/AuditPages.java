package org.bulwark.audit.web;

import org.bulwark.audit.AuditAnchor;
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
    private final AuditAnchor anchor;

    AuditPages(AuditLog audit, CurrentUser currentUser, AuditAnchor anchor) {
        this.audit = audit;
        this.currentUser = currentUser;
        this.anchor = anchor;
    }

    private static final java.util.regex.Pattern ID_NUMBER =
            java.util.regex.Pattern.compile("(?<![0-9])([0-9]{3})[0-9]{11}([0-9]{3}[0-9Xx])(?![0-9])");
    private static final java.util.regex.Pattern MOBILE =
            java.util.regex.Pattern.compile("(?<![0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])");

    static String mask(String json) {
        if (json == null) {
            return null;
        }
        String masked = ID_NUMBER.matcher(json).replaceAll("$1***********$2");
        return MOBILE.matcher(masked).replaceAll("$1****$2");
    }

    @GetMapping("/audit")
    String list(Model model) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.READ_AUDIT);
        // the log keeps full values; on screen identity and phone numbers are masked like everywhere else
        model.addAttribute("entries", audit.recent(user.scope(), null, null, 200).stream()
                .map(e -> new org.bulwark.audit.AuditEntry(e.id(), e.at(), e.username(), e.role(), e.action(),
                        e.entityType(), e.entityId(), e.regionCode(), e.channel(), e.summary(), mask(e.before()),
                        mask(e.after())))
                .toList());
        model.addAttribute("broken", audit.brokenLinks());
        // the alert entry has no region, so it is not in every reader's list: every reader of the log is warned here
        model.addAttribute("anchorMismatch", anchor.lastMismatch().orElse(null));
        return "audit/list";
    }
}
