package org.bulwark.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bulwark.identity.AccountLocked;
import org.bulwark.identity.SignInFailed;
import org.bulwark.identity.UserAccountChanged;
import org.bulwark.identity.UserCreated;
import org.bulwark.identity.UserSignedIn;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records account creation and changes, sign-ins and refused sign-ins in the audit log. */
@Component
class IdentityAuditor {

    private final AuditLog auditLog;

    IdentityAuditor(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @EventListener
    void on(UserSignedIn event) {
        auditLog.recordFor(
                event.username(),
                event.role(),
                new AuditRecord(AuditAction.LOGIN, "user", event.username(), event.regionCode(), null, null, null)
                        .described("signedIn"));
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
        auditLog.record(new AuditRecord(
                        AuditAction.CREATE, "user", String.valueOf(event.id()), event.regionCode(), null, null, after)
                .described("accountCreatedNamed", event.username()));
    }

    @EventListener
    void on(UserAccountChanged event) {
        auditLog.record(new AuditRecord(
                        AuditAction.UPDATE,
                        "user",
                        String.valueOf(event.id()),
                        event.regionCode(),
                        null,
                        event.before(),
                        event.after())
                .described(
                        "accountChanged",
                        event.username(),
                        AuditDescription.label(
                                "audit.accountChange." + event.change().name())));
    }

    @EventListener
    void on(SignInFailed event) {
        auditLog.recordFor(
                event.username(),
                event.role(),
                new AuditRecord(
                                AuditAction.LOGIN_FAILED,
                                "user",
                                event.username(),
                                event.regionCode(),
                                null,
                                null,
                                null)
                        .described("signInRefused", AuditDescription.label("audit.signInFailure." + event.reason())));
    }

    @EventListener
    void on(AccountLocked event) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("failures", event.failures());
        after.put("lockedUntil", event.until().toString());
        auditLog.recordFor(
                event.username(),
                event.role(),
                new AuditRecord(AuditAction.LOCKOUT, "user", event.username(), event.regionCode(), null, null, after)
                        .described("lockedOut", event.failures()));
    }
}
