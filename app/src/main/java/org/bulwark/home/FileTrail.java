package org.bulwark.home;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bulwark.audit.AuditAction;
import org.bulwark.audit.AuditEntry;
import org.bulwark.audit.AuditLog;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.identity.UserNames;
import org.bulwark.onboarding.HouseholdImport;
import org.bulwark.onboarding.RegistryImports;
import org.springframework.stereotype.Component;

/**
 * The household's trail in the audit log: entries about the household and everything the file shows of it — its
 * members, incomes, monitoring status, helper, cases, plan measures, visits and warnings — newest first.
 * <p>
 * Who sees how much, as a government system under MLPS level 3 would have it: the audit log is a security record whose
 * reader is the audit role ({@link Role.Permission#READ_AUDIT}), so only that role sees the full trail — reveals of
 * identity and phone numbers, exports, the roles and channels. Everyone else who may open the file sees its change
 * history: who created, changed or deleted which part and when, without the values before and after (they may hold
 * what the role may not see, e.g. full identity numbers) and without the reveals (who looked at whose personal data
 * is for the auditor, not for colleagues). A cadre keeping a file current needs to know who changed it last; the
 * principle "nothing is decided without a trace" holds for them too.
 */
@Component
class FileTrail {

    static final int LIMIT = 30;
    private static final Set<AuditAction> CHANGES =
            EnumSet.of(AuditAction.CREATE, AuditAction.UPDATE, AuditAction.DELETE);

    private final AuditLog audit;
    private final UserNames userNames;
    private final RegistryImports imports;

    FileTrail(AuditLog audit, UserNames userNames, RegistryImports imports) {
        this.audit = audit;
        this.userNames = userNames;
        this.imports = imports;
    }

    /**
     * The trail as the user may see it: {@code full} when they hold READ_AUDIT, else the change history only;
     * {@code names} are the display names of the people in it, by user name; {@code imports} the registry imports that
     * created or changed the household (an import is audited once for its file, not per household, so the trail names
     * it here as the source of those changes).
     */
    public record Trail(
            boolean full, List<AuditEntry> entries, Map<String, String> names, List<HouseholdImport> imports) {

        /** The display name of the person behind an entry, or the user name recorded when they have no account. */
        public String who(AuditEntry entry) {
            return names.getOrDefault(entry.username(), entry.username());
        }

        /** The display name of whoever ran an import. */
        public String who(HouseholdImport entry) {
            return names.getOrDefault(entry.username(), entry.username());
        }
    }

    /** Subjects of the file by the audit log's entity type: (type → ids) of what the page shows. */
    static Map<String, List<String>> subjects(long householdId, Map<String, List<?>> parts) {
        Map<String, List<String>> objects = new LinkedHashMap<>();
        String id = String.valueOf(householdId);
        // these are audited under the household's own id
        objects.put("household", List.of(id));
        objects.put("monitoring", List.of(id));
        objects.put("helper_assignment", List.of(id));
        parts.forEach((type, ids) -> {
            if (!ids.isEmpty()) {
                objects.put(type, ids.stream().map(String::valueOf).toList());
            }
        });
        return objects;
    }

    /** The trail of these subjects and of the household's deleted parts (members, incomes), as the user may see it. */
    Trail of(BulwarkUser user, long householdId, Map<String, List<String>> subjects) {
        boolean full = user.can(Role.Permission.READ_AUDIT);
        List<AuditEntry> entries = audit.about(user.scope(), subjects, full ? null : CHANGES, householdId, LIMIT);
        List<HouseholdImport> changedBy = imports.ofHousehold(householdId);
        List<String> people = new java.util.ArrayList<>(
                entries.stream().map(AuditEntry::username).toList());
        changedBy.forEach(i -> people.add(i.username()));
        return new Trail(full, entries, userNames.displayNames(people), changedBy);
    }
}
