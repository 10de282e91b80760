package org.bulwark.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.bulwark.audit.AuditPage;
import org.bulwark.audit.AuditQuery;
import org.bulwark.audit.AuditReading;
import org.bulwark.audit.AuditView;
import org.bulwark.platform.web.ApiController;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Read-only API over the audit log of the caller's region (roles holding READ_AUDIT). Values before and after are
 * masked and withheld as on every other read; a masked value is revealed one at a time, and audited.
 */
@ApiController("/api/v1/audit")
@Tag(name = "Audit")
class AuditApi {

    private final AuditReading audit;

    AuditApi(AuditReading audit) {
        this.audit = audit;
    }

    @Operation(
            summary = "Recent audit entries of your region, newest first; identity and phone numbers masked, "
                    + "health, disability, medical and bank values withheld unless your role may read them")
    @GetMapping
    List<AuditView> recent(
            @RequestParam(required = false) String entityType,
            @RequestParam(required = false) String entityId,
            @RequestParam(defaultValue = "100") int limit) {
        return audit.recent(entityType, entityId, Math.min(Math.max(limit, 1), 1000));
    }

    @Operation(
            summary = "One page of the audit entries of your region that a filter lets through, newest first, as the "
                    + "audit page shows them (descriptions, names and roles, labelled values in your language; masked and "
                    + "withheld as on every read): by person (name or user name), action, kind of object and id, household "
                    + "number and dates (yyyy-MM-dd, both included)")
    @GetMapping("/search")
    AuditPage search(AuditQuery query, @RequestParam(defaultValue = "50") int size) {
        return audit.page(query, Math.min(Math.max(size, 1), 200));
    }

    @Operation(
            summary = "The full value of one masked value of an entry, named by its JSON pointer from the entry's "
                    + "'masked' list (roles that may reveal personal data; audited)")
    @GetMapping("/{id}/reveal")
    RevealedValue reveal(@PathVariable long id, @RequestParam String pointer) {
        return new RevealedValue(pointer, audit.reveal(id, pointer));
    }

    /** One masked value of an audit entry in full, with the JSON pointer that names it. */
    record RevealedValue(String pointer, String value) {}
}
