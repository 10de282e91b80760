package org.bulwark.audit;

import java.util.ArrayList;
import java.util.List;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Reading the audit log as a person, not as the platform: the log keeps every value in full (its hash chain covers
 * them), but a reader sees them under the rules of every other read, whatever their role — identity and phone
 * numbers masked, revealed one value at a time with REVEAL_PERSONAL_DATA and each reveal audited; health,
 * disability, medical and bank values only with READ_SENSITIVE_DATA.
 */
@Service
public class AuditReading {

    private final AuditLog log;
    private final CurrentUser currentUser;
    private final AuditValues values;

    AuditReading(AuditLog log, CurrentUser currentUser, ObjectMapper json) {
        this.log = log;
        this.currentUser = currentUser;
        this.values = new AuditValues(json);
    }

    /** Recent entries of the reader's region, newest first, as the reader may see them. */
    @Transactional(readOnly = true)
    public List<AuditView> recent(String entityType, String entityId, int limit) {
        BulwarkUser reader = currentUser.requirePermission(Role.Permission.READ_AUDIT);
        requirePlain("entityType", entityType);
        requirePlain("entityId", entityId);
        boolean sensitive = reader.can(Role.Permission.READ_SENSITIVE_DATA);
        return log.recent(reader.scope(), entityType, entityId, limit).stream().map(e -> view(e, sensitive)).toList();
    }

    /**
     * The full value behind one masked value of an entry of the reader's region, for readers who may reveal personal
     * data; the reveal is itself audited (who, which entry, which value).
     */
    @Transactional
    public String reveal(long entryId, String pointer) {
        currentUser.requirePermission(Role.Permission.READ_AUDIT);
        BulwarkUser reader = currentUser.requirePermission(Role.Permission.REVEAL_PERSONAL_DATA);
        AuditEntry entry = log.find(reader.scope(), entryId)
                .orElseThrow(() -> new NotFoundException("audit entry", entryId));
        String value = values.revealable(entry, pointer == null ? "" : pointer.strip())
                .orElseThrow(() -> InvalidInputException.of("pointer", "not_masked",
                        "names no masked value of this entry"));
        log.record(new AuditRecord(AuditAction.REVEAL, "audit_entry", String.valueOf(entryId), entry.regionCode(),
                "revealed " + pointer.strip(), null, null));
        return value;
    }

    /** A filter is a short code or id: control characters (a NUL would break the query) and long text are refused. */
    private static void requirePlain(String parameter, String value) {
        if (value != null && (value.length() > 100 || value.chars().anyMatch(Character::isISOControl))) {
            throw InvalidInputException.of(parameter, "invalid", "must be a code or an id without control characters");
        }
    }

    private AuditView view(AuditEntry e, boolean sensitive) {
        AuditValues.Shown before = values.show(e.before(), "before", sensitive);
        AuditValues.Shown after = values.show(e.after(), "after", sensitive);
        List<AuditView.MaskedValue> masked = new ArrayList<>(before.masked());
        masked.addAll(after.masked());
        List<String> withheld = new ArrayList<>(before.withheld());
        withheld.addAll(after.withheld());
        return new AuditView(e.id(), e.at(), e.username(), e.role(), e.action(), e.entityType(),
                AuditValues.maskText(e.entityId()), e.regionCode(), e.channel(), AuditValues.maskText(e.summary()),
                before.json(), after.json(), masked, withheld);
    }
}
