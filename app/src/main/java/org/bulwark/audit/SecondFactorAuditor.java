package org.bulwark.audit;

import java.util.Locale;
import java.util.Map;
import org.bulwark.identity.AccessTokenEvent;
import org.bulwark.identity.SecondFactorChanged;
import org.bulwark.identity.SecondFactorChecked;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records two-factor sign-in and personal access tokens in the audit log: enrolment, removal and reset of a second
 * factor, each code asked at sign-in (passed or refused), each token created, revoked and used.
 */
@Component
class SecondFactorAuditor {

    private final AuditLog auditLog;

    SecondFactorAuditor(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @EventListener
    void on(SecondFactorChanged event) {
        auditLog.record(new AuditRecord(
                        AuditAction.UPDATE,
                        "user",
                        String.valueOf(event.userId()),
                        event.regionCode(),
                        null,
                        null,
                        null)
                .described(
                        "secondFactorChanged",
                        event.username(),
                        AuditDescription.label(
                                "audit.secondFactor." + event.change().name())));
    }

    @EventListener
    void on(SecondFactorChecked event) {
        auditLog.recordFor(
                event.username(),
                event.role(),
                new AuditRecord(
                                event.passed() ? AuditAction.LOGIN : AuditAction.LOGIN_FAILED,
                                "user",
                                event.username(),
                                event.regionCode(),
                                null,
                                null,
                                null)
                        .described(
                                event.passed() ? "secondFactorPassed" : "secondFactorRefused",
                                AuditDescription.label(
                                        "audit.secondFactorMethod." + LegacySummaries.code(event.method()))));
    }

    @EventListener
    void on(AccessTokenEvent event) {
        AuditAction action = switch (event.kind()) {
            case CREATED -> AuditAction.CREATE;
            case REVOKED -> AuditAction.UPDATE;
            case USED -> AuditAction.LOGIN;
        };
        auditLog.recordFor(
                event.username(),
                event.role(),
                new AuditRecord(
                                action,
                                "access_token",
                                String.valueOf(event.tokenId()),
                                event.regionCode(),
                                null,
                                null,
                                event.details().isEmpty() ? null : Map.copyOf(event.details()))
                        .described(
                                "token" + event.kind().name().charAt(0)
                                        + event.kind().name().substring(1).toLowerCase(Locale.ROOT),
                                event.tokenName()));
    }
}
