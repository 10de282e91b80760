package org.bulwark.core.casework;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A household's monitoring type and risk types, with the facts their consistency depends on (docs/policy.md §1, §3).
 *
 * @param formerlyPoor       the household is registered as formerly poor
 * @param anyoneCanWork      at least one member is able (or partly able) to work
 * @param medicalOutOfPocket compliant self-paid medical expenditure over the income window, in yuan
 */
public record Classification(
        MonitoringType type,
        Set<RiskType> risks,
        boolean formerlyPoor,
        boolean anyoneCanWork,
        BigDecimal medicalOutOfPocket) {

    public Classification {
        risks = risks == null ? Set.of() : Set.copyOf(risks);
        medicalOutOfPocket = medicalOutOfPocket == null ? BigDecimal.ZERO : medicalOutOfPocket;
    }

    /** What is inconsistent, empty when the classification may be recorded. */
    public List<Refusal> problems(int maxRiskTypes) {
        List<Refusal> problems = new ArrayList<>();
        if (type == null) {
            problems.add(Refusal.of("type_missing"));
        } else if (type == MonitoringType.UNSTABLE_FORMERLY_POOR && !formerlyPoor) {
            problems.add(Refusal.of("type_needs_formerly_poor"));
        } else if (type == MonitoringType.MARGINAL && formerlyPoor) {
            problems.add(Refusal.of("type_marginal_formerly_poor"));
        }
        if (risks.isEmpty()) {
            problems.add(Refusal.of("risks_missing"));
        } else if (risks.size() > maxRiskTypes) {
            problems.add(Refusal.of("risks_too_many", risks.size(), maxRiskTypes));
        }
        // docs/policy.md §3: unstable employment means someone works unsteadily — impossible when nobody can work
        if (risks.contains(RiskType.UNSTABLE_EMPLOYMENT) && !anyoneCanWork) {
            problems.add(Refusal.of("employment_without_labour"));
        }
        // docs/policy.md §3: illness as a risk needs a medical cost the household itself bore
        if (risks.contains(RiskType.ILLNESS) && medicalOutOfPocket.signum() <= 0) {
            problems.add(Refusal.of("illness_without_cost"));
        }
        return problems;
    }
}
