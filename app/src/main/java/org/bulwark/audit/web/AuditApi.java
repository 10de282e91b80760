package org.bulwark.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.bulwark.audit.AuditEntry;
import org.bulwark.audit.AuditLog;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.web.ApiController;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Read-only API over the audit log of the caller's region (county and higher administrators). */
@ApiController("/api/v1/audit")
@Tag(name = "Audit")
class AuditApi {

    private final AuditLog audit;
    private final CurrentUser currentUser;

    AuditApi(AuditLog audit, CurrentUser currentUser) {
        this.audit = audit;
        this.currentUser = currentUser;
    }

    @Operation(summary = "Recent audit entries of your region, newest first")
    @GetMapping
    List<AuditEntry> recent(@RequestParam(required = false) String entityType,
                            @RequestParam(required = false) String entityId,
                            @RequestParam(defaultValue = "100") int limit) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.READ_AUDIT);
        return audit.recent(user.scope(), entityType, entityId, Math.min(Math.max(limit, 1), 1000));
    }
}
