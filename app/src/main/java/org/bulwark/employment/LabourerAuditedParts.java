package org.bulwark.employment;

import java.util.List;
import java.util.Map;
import org.bulwark.audit.AuditedHouseholds;
import org.springframework.stereotype.Component;

/** The audit page's household filter: the household's labourers. */
@Component
class LabourerAuditedParts implements AuditedHouseholds {

    private final LabourerRepository labourers;

    LabourerAuditedParts(LabourerRepository labourers) {
        this.labourers = labourers;
    }

    @Override
    public Map<String, List<String>> parts(long householdId) {
        return Map.of("labourer", labourers.personIdsOf(householdId));
    }
}
