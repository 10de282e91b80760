package org.bulwark.audit;

import org.bulwark.identity.SignInFailed;
import org.bulwark.identity.UserSignedIn;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.bulwark.identity.AccountLocked;
import org.bulwark.identity.UserAccountChanged;
import org.bulwark.identity.UserCreated;

/** Records account creation and changes, sign-ins and refused sign-ins in the audit log. */
@Component
class IdentityAuditor {

    private final AuditLog auditLog;

    IdentityAuditor(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @EventListener
    void on(UserSignedIn event) {
        auditLog.recordFor(event.username(), event.role(), new AuditRecord(AuditAction.LOGIN, "user",
                event.username(), event.regionCode(), "signed in", null, null));
    }

    @EventListener
    void on(UserCreated event) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("username", event.username());
        after.put("role", event.role());
        after.put("regionCode", event.regionCode());
        if (event.department() != null) {
            after.put("department", event.department());
        }
        auditLog.record(new AuditRecord(AuditAction.CREATE, "user", String.valueOf(event.id()), event.regionCode(),
                "account created", null, after));
    }

    @EventListener
    void on(UserAccountChanged event) {
        auditLog.record(new AuditRecord(AuditAction.UPDATE, "user", String.valueOf(event.id()), event.regionCode(),
                event.username() + ": " + event.change().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                event.before(), event.after()));
    }

    @EventListener
    void on(SignInFailed event) {
        auditLog.recordFor(event.username(), event.role(), new AuditRecord(AuditAction.LOGIN_FAILED, "user",
                event.username(), event.regionCode(), event.reason(), null, null));
    }

    @EventListener
    void on(AccountLocked event) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("failures", event.failures());
        after.put("lockedUntil", event.until().toString());
        auditLog.recordFor(event.username(), event.role(), new AuditRecord(AuditAction.LOCKOUT, "user",
                event.username(), event.regionCode(), "locked after " + event.failures() + " refused sign-ins",
                null, after));
    }
}
