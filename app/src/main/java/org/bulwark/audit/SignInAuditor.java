package org.bulwark.audit;

import org.bulwark.identity.SignInFailed;
import org.bulwark.identity.UserSignedIn;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records sign-ins and refused sign-ins in the audit log. */
@Component
class SignInAuditor {

    private final AuditLog auditLog;

    SignInAuditor(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @EventListener
    void on(UserSignedIn event) {
        auditLog.recordFor(event.username(), event.role(), new AuditRecord(AuditAction.LOGIN, "user",
                event.username(), event.regionCode(), "signed in", null, null));
    }

    @EventListener
    void on(SignInFailed event) {
        auditLog.recordFor(event.username(), null, new AuditRecord(AuditAction.LOGIN_FAILED, "user",
                event.username(), null, event.reason(), null, null));
    }
}
