package org.bulwark.audit.web;

import org.bulwark.audit.AuditAnchor;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditReading;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log page, for roles holding READ_AUDIT, limited to their region and read under the masking rules. */
@Controller
class AuditPages {

    private final AuditReading reading;
    private final AuditLog audit;
    private final AuditAnchor anchor;

    AuditPages(AuditReading reading, AuditLog audit, AuditAnchor anchor) {
        this.reading = reading;
        this.audit = audit;
        this.anchor = anchor;
    }

    @GetMapping("/audit")
    String list(@RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
                Model model) {
        model.addAttribute("entries", reading.recent(blankToNull(entityType), blankToNull(entityId), 200));
        model.addAttribute("broken", audit.brokenLinks());
        // the alert entry has no region, so it is not in every reader's list: every reader of the log is warned here
        model.addAttribute("anchorMismatch", anchor.lastMismatch().orElse(null));
        return "audit/list";
    }

    /** One masked value in full (htmx), for roles that may reveal personal data; the reveal is audited. */
    @PostMapping("/audit/{id}/reveal")
    String reveal(@PathVariable long id, @RequestParam String pointer, Model model) {
        model.addAttribute("value", reading.reveal(id, pointer));
        return "persons/reveal :: revealed";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
