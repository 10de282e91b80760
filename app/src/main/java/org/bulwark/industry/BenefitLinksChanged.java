package org.bulwark.industry;

import java.util.List;

/**
 * Event: what some households received from their projects in some years may read differently now (a link was
 * recorded or removed, a project changed its state). Published in the change's transaction, so that the snapshot
 * screening reads ({@code industry_benefit}, docs/industry.md) follows even when the platform dies after the commit.
 */
public record BenefitLinksChanged(List<Long> householdIds, List<Integer> years, String changedBy) {

    public BenefitLinksChanged {
        householdIds = List.copyOf(householdIds);
        years = List.copyOf(years);
    }
}
