package org.bulwark.industry;

import java.math.BigDecimal;
import org.bulwark.core.industry.IndustryFailureCheck;
import org.bulwark.core.industry.ProjectState;

/** A household's link to a project that failed, closed or paid it too little in the year, and why. */
public record LinkAtRisk(
        long householdId,
        String householdNumber,
        String villageCode,
        long projectId,
        String projectName,
        ProjectState projectState,
        Integer stateYear,
        BigDecimal received,
        IndustryFailureCheck.Reason reason) {

    LinkAtRisk because(IndustryFailureCheck.Reason why) {
        return new LinkAtRisk(
                householdId,
                householdNumber,
                villageCode,
                projectId,
                projectName,
                projectState,
                stateYear,
                received,
                why);
    }
}
