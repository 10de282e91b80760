package org.bulwark.audit;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.bulwark.identity.RegionScope;

/**
 * What the audit page's household filter needs from the modules that own households and their parts, without the
 * audit module reading their tables: which household a number names, and which audited objects belong to it. The
 * answers are ids only (no personal data), so a reader of the log who may not open households — the audit
 * administrator — can still follow one household's trail.
 */
public interface AuditedHouseholds {

    /** The household with this 16-digit household number in the scope; empty when another module answers. */
    default Optional<Long> find(String householdNumber, RegionScope scope) {
        return Optional.empty();
    }

    /** The household's objects this module audits: entity type (as in the audit log) → ids. */
    Map<String, ? extends Collection<String>> parts(long householdId);
}
