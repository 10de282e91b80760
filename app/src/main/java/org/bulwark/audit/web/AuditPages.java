package org.bulwark.audit.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.audit.AuditAction;
import org.bulwark.audit.AuditAnchor;
import org.bulwark.audit.AuditPage;
import org.bulwark.audit.AuditQuery;
import org.bulwark.audit.AuditReading;
import org.bulwark.audit.ChainCheck;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The audit log page, for roles holding READ_AUDIT, limited to their region and read under the masking rules. */
@Controller
class AuditPages {

    /** The kinds of object the filter offers, in the order a county office thinks of them. */
    static final List<String> ENTITY_TYPES = List.of(
            "household",
            "person",
            "income",
            "case",
            "case_attachment",
            "declaration",
            "monitoring",
            "helper_assignment",
            "plan_measure",
            "visit",
            "warning",
            "batch",
            "household-list",
            "quarterly-report",
            "user",
            "access_token",
            "audit_entry",
            "audit_log",
            "audit_anchor");

    private final AuditReading reading;
    private final AuditAnchor anchor;
    private final ChainCheck chainCheck;

    AuditPages(AuditReading reading, AuditAnchor anchor, ChainCheck chainCheck) {
        this.reading = reading;
        this.anchor = anchor;
        this.chainCheck = chainCheck;
    }

    /** Entries on a page: a screen or two of lines, and one query of the log (issue 14, item 20). */
    static final int PAGE_SIZE = 50;

    @GetMapping("/audit")
    String list(AuditQuery query, Model model) {
        model.addAttribute("query", query);
        AuditPage result = reading.page(query, PAGE_SIZE);
        model.addAttribute("result", result);
        model.addAttribute("previousPage", result.page() > 1 ? link(query, result.page() - 1) : null);
        model.addAttribute("nextPage", result.hasNext() ? link(query, result.page() + 1) : null);
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("entityTypes", ENTITY_TYPES);
        ChainCheck.Result chain = chainCheck.current();
        model.addAttribute("broken", chain.broken());
        model.addAttribute("chainCheckedAt", chain.checkedAt());
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

    /** The page's address with the same filter on another page: only the parts given, so links stay short. */
    private static String link(AuditQuery q, int page) {
        var uri = UriComponentsBuilder.fromPath("/audit");
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("who", q.who());
        parts.put("action", q.action());
        parts.put("entityType", q.entityType());
        parts.put("entityId", q.entityId());
        parts.put("household", q.household());
        parts.put("from", q.from());
        parts.put("to", q.to());
        parts.forEach((name, value) -> {
            if (value != null) {
                uri.queryParam(name, value);
            }
        });
        return uri.queryParam("page", page).encode().build().toUriString();
    }
}
